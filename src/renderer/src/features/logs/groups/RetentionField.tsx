/** "Keep events for": never, or one of the retention periods AWS offers. */
import { RETENTION_DAYS } from '../../../../../shared/contract/logs-rules';
import { formatRetention } from '../../../../../shared/format';
import { Field } from '../../../components/Field';

const NEVER = 'never';

interface RetentionFieldProps {
  /** Days, or null for never. */
  readonly value: number | null;
  readonly onChange: (days: number | null) => void;
  readonly hint?: string;
  readonly autoFocus?: boolean;
}

export function RetentionField({ value, onChange, hint, autoFocus = false }: RetentionFieldProps) {
  return (
    <Field label="Keep events for" hint={hint}>
      {(aria) => (
        <select
          {...aria}
          className="select"
          value={value === null ? NEVER : String(value)}
          onChange={(event) => onChange(event.target.value === NEVER ? null : Number(event.target.value))}
          data-autofocus={autoFocus || undefined}
        >
          <option value={NEVER}>{formatRetention(null)}</option>
          {RETENTION_DAYS.map((days) => (
            <option key={days} value={days}>
              {formatRetention(days)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
