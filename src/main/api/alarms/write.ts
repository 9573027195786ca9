/** Writing alarms: a lossless put that never overwrites a change made elsewhere, delete, mute, set state. */
import {
  CloudWatchClient,
  DeleteAlarmsCommand,
  DisableAlarmActionsCommand,
  EnableAlarmActionsCommand,
  PutMetricAlarmCommand,
  SetAlarmStateCommand,
} from '@aws-sdk/client-cloudwatch';
import type { CloudscopeHandlers, MetricAlarm } from '../../../shared/contract';
import { apiError } from '../../../shared/errors';
import type { Session } from '../session';
import { toPutMetricAlarmInput } from './convert';
import { describeAlarm } from './read';

type WriteHandlers = Pick<CloudscopeHandlers['alarms'], 'put' | 'delete' | 'setActionsEnabled' | 'setState'>;

export function writeHandlers(session: Session): WriteHandlers {
  return {
    async put(request, { signal }) {
      const scoped = await session.client(CloudWatchClient, signal);
      const { name } = request.alarm;
      const existing = await describeAlarm(scoped, name);
      if (request.expectedConfigurationUpdatedAt === undefined) {
        if (existing) throw apiError('AlreadyExists', `An alarm named ${name} already exists. Choose another name, or open that alarm to edit it.`);
      } else if (!existing) {
        throw apiError('Conflict', `The alarm ${name} was deleted since you opened it. Save it again to create it anew, or discard your changes.`);
      } else if (existing.kind === 'composite') {
        throw apiError('Conflict', `${name} is now a composite alarm; saving would replace it with a metric alarm. Nothing was written.`);
      } else if (existing.configurationUpdatedAt !== request.expectedConfigurationUpdatedAt) {
        throw apiError(
          'Conflict',
          `Someone changed the alarm ${name} at ${new Date(existing.configurationUpdatedAt).toISOString()}, after you opened it. Nothing was written: compare their version with yours, then save again.`,
        );
      }
      await scoped.client.send(new PutMetricAlarmCommand(toPutMetricAlarmInput(request.alarm, request.tags)), { abortSignal: scoped.abortSignal });
      const saved = await describeAlarm(scoped, name);
      if (saved?.kind !== 'metric') throw apiError('Internal', `CloudWatch accepted the alarm ${name} but does not describe it yet. Refresh the list in a moment.`);
      return { alarm: saved satisfies MetricAlarm };
    },

    async delete(request, { signal }) {
      const { client, abortSignal } = await session.client(CloudWatchClient, signal);
      await client.send(new DeleteAlarmsCommand({ AlarmNames: [...request.names] }), { abortSignal });
    },

    async setActionsEnabled(request, { signal }) {
      const { client, abortSignal } = await session.client(CloudWatchClient, signal);
      const input = { AlarmNames: [...request.names] };
      await client.send(request.enabled ? new EnableAlarmActionsCommand(input) : new DisableAlarmActionsCommand(input), { abortSignal });
    },

    async setState(request, { signal }) {
      const { client, abortSignal } = await session.client(CloudWatchClient, signal);
      await client.send(new SetAlarmStateCommand({ AlarmName: request.name, StateValue: request.state, StateReason: request.reason }), { abortSignal });
    },
  };
}
