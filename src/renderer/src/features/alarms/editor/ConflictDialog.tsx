/**
 * Someone changed (or deleted) the alarm since it was opened: their version beside yours, field by field,
 * and the choice — overwrite with mine, take theirs, or keep editing. Nothing is written until one is chosen.
 */
import { Dialog } from '../../../components/Dialog';
import type { FieldDifference } from './alarmDraft';

interface ConflictDialogProps {
  readonly name: string;
  /** Undefined when the alarm was deleted. */
  readonly differences: readonly FieldDifference[] | undefined;
  readonly changedAt: number | undefined;
  readonly onOverwrite: () => void;
  readonly onTakeTheirs: () => void;
  readonly onKeepEditing: () => void;
  readonly busy: boolean;
}

export function ConflictDialog({ name, differences, changedAt, onOverwrite, onTakeTheirs, onKeepEditing, busy }: ConflictDialogProps) {
  const deleted = differences === undefined;
  return (
    <Dialog title={deleted ? `${name} was deleted` : `${name} changed since you opened it`} onClose={onKeepEditing} role="alertdialog" size="large">
      <div className="dialog-body">
        {deleted ? (
          <p>Someone deleted this alarm after you opened it. Saving creates it anew with your settings.</p>
        ) : (
          <>
            <p>
              Someone saved this alarm{changedAt === undefined ? '' : ` at ${new Date(changedAt).toISOString().replace('T', ' ').slice(0, 19)} UTC`}, after you opened it.
              Nothing was written. {differences.length === 0 ? 'Their settings are the same as yours.' : 'These fields differ:'}
            </p>
            {differences.length > 0 && (
              <table className="alarm-conflict-table" aria-label="Differences between their version and yours">
                <thead>
                  <tr>
                    <th scope="col">Field</th>
                    <th scope="col">Theirs (on the server)</th>
                    <th scope="col">Yours</th>
                  </tr>
                </thead>
                <tbody>
                  {differences.map((difference) => (
                    <tr key={difference.field}>
                      <th scope="row">{difference.field}</th>
                      <td className="mono">{difference.theirs}</td>
                      <td className="mono">{difference.mine}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </div>
      <div className="dialog-footer">
        <button type="button" className="button" onClick={onKeepEditing} data-autofocus>
          Keep editing
        </button>
        {!deleted && (
          <button type="button" className="button" onClick={onTakeTheirs} disabled={busy}>
            Take theirs
          </button>
        )}
        <button type="button" className="button button-danger" onClick={onOverwrite} disabled={busy}>
          {deleted ? 'Create it again with mine' : 'Overwrite with mine'}
        </button>
      </div>
    </Dialog>
  );
}
