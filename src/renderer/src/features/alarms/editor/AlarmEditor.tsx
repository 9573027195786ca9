/**
 * Creating and editing a metric alarm on its chart, with a live backtest. (Being built in this
 * session's alarm-editor branch; this file fixes the props the alarms view renders it with.)
 */
import type { MetricAlarm } from '../../../../../shared/contract';
import type { NewAlarmLink } from '../../../app/links/alarms';

export type AlarmEditorStart = { readonly kind: 'edit'; readonly alarm: MetricAlarm } | { readonly kind: 'new'; readonly link: NewAlarmLink };

export interface AlarmEditorProps {
  readonly start: AlarmEditorStart;
  /** Saved: the alarm as CloudWatch describes it now. */
  readonly onSaved: (alarm: MetricAlarm) => void;
  readonly onCancel: () => void;
}

export function AlarmEditor({ start, onCancel }: AlarmEditorProps) {
  return (
    <section aria-label={start.kind === 'edit' ? `Edit ${start.alarm.name}` : 'New alarm'}>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </section>
  );
}
