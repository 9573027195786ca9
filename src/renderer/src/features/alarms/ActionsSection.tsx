/** An alarm's actions, each with what it does and how it went the last time it ran (from the Action history items). */
import type { Alarm, AlarmHistoryItem } from '../../../../shared/contract';
import { formatAge, formatTimestamp } from '../../../../shared/format';
import { useTimeZone } from '../../components/TimeZone';
import { actionKind, alarmActions, lastDelivery } from './alarmActions';
import { STATE_LABELS } from './alarmText';

export function ActionsSection({ alarm, history, now }: { readonly alarm: Alarm; readonly history: readonly AlarmHistoryItem[]; readonly now: number }) {
  const { zone } = useTimeZone();
  const actions = alarmActions(alarm);
  return (
    <section className="alarm-section" aria-label="Actions">
      <div className="alarm-section-head">
        <h2 className="alarm-section-title">Actions</h2>
        {!alarm.actionsEnabled && <span className="badge badge-warning">Muted: none of these run</span>}
      </div>
      {actions.length === 0 ? (
        <p className="muted">No actions: state changes are only recorded in the history. Edit the alarm to notify an SNS topic or act on an instance.</p>
      ) : (
        <table className="alarm-actions-table">
          <thead>
            <tr>
              <th scope="col">On</th>
              <th scope="col">Action</th>
              <th scope="col">ARN</th>
              <th scope="col">Last run</th>
            </tr>
          </thead>
          <tbody>
            {actions.map((action) => {
              const kind = actionKind(action.arn);
              const delivery = lastDelivery(action.arn, history);
              return (
                <tr key={`${action.on} ${action.arn}`}>
                  <td>{STATE_LABELS[action.on]}</td>
                  <td>
                    {kind.kind}
                    <div className="muted">{kind.target}</div>
                  </td>
                  <td className="mono alarm-arn">{action.arn}</td>
                  <td>
                    {delivery ? (
                      <span title={delivery.summary}>
                        <span className={delivery.succeeded ? 'badge badge-ok' : 'badge badge-danger'}>{delivery.succeeded ? 'Delivered' : 'Failed'}</span>{' '}
                        <span title={formatTimestamp(delivery.timestamp, zone, 'second')}>{formatAge(delivery.timestamp, now)}</span>
                      </span>
                    ) : (
                      <span className="muted">Not run in 30 days</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
