/**
 * PutMetricAlarm, DescribeAlarms, DescribeAlarmsForMetric, DeleteAlarms, SetAlarmState and
 * Enable/DisableAlarmActions, as the CloudWatch API reference describes them.
 */
import { ALARM_STATES, type AlarmState } from '../../../../../shared/alarms';
import type { RequestContext } from '../../../../core/context';
import { ServiceError } from '../../../../core/errors';
import { CloudWatchInput, decodeToken, encodeToken, invalidCombination, missingParameter, readDimensions, readNamespace, readUnit } from '../../common';
import { metricKey } from '../../series';
import { compositeAlarmOutput, metricAlarmOutput } from '../describe';
import { configurationItem } from '../history';
import { enumError, readMetricAlarm, validationError } from '../metric-alarm-input';
import { ALARM_TYPES, type AlarmType, type StoredAlarm, type StoredMetricAlarm } from '../model';
import { parentsOf, referencedNames } from '../references';
import { alarmRegionOf } from '../region';
import { initialState, saveAlarm } from '../save-alarm';
import { evaluateParents } from '../composite-evaluation';
import { changeState } from '../state-change';

/** DescribeAlarms' MaxRecords: 1–100, default 50. */
const DEFAULT_MAX_RECORDS = 50;
const MAX_RECORDS = 100;
/** DeleteAlarms, Enable/DisableAlarmActions and DescribeAlarms' AlarmNames: at most 100 names. */
const MAX_NAMES = 100;

export function alarmNotFound(name: string): ServiceError {
  return new ServiceError('ResourceNotFound', `Alarm ${name} not found`, 404, {}, 'ResourceNotFound');
}

export function putMetricAlarm(body: unknown, context: RequestContext): Record<string, never> {
  const where = alarmRegionOf(context);
  const { config, tags } = readMetricAlarm(body, context.region);
  const existing = where.alarms.get(config.AlarmName);
  if (existing?.type === 'CompositeAlarm') throw validationError(`The alarm ${config.AlarmName} is a composite alarm: update it with PutCompositeAlarm.`);
  const now = context.now;
  const alarm: StoredMetricAlarm = { type: 'MetricAlarm', arn: where.alarms.arnOf(config.AlarmName), configurationUpdatedAt: now, state: existing?.state ?? initialState(now), config };
  saveAlarm(where, alarm, existing, tags, now);
  return {};
}

interface Cursor {
  /** The name of the last alarm returned. */
  readonly a: string;
}

function isCursor(value: unknown): value is Cursor {
  return typeof value === 'object' && value !== null && typeof (value as Cursor).a === 'string';
}

function readStateValue(input: CloudWatchInput, required: boolean): AlarmState | undefined {
  const value = input.string('StateValue', { required });
  if (value !== undefined && !ALARM_STATES.includes(value as AlarmState)) throw enumError(value, 'stateValue', ALARM_STATES);
  return value as AlarmState | undefined;
}

function readAlarmTypes(input: CloudWatchInput): readonly AlarmType[] | undefined {
  const types = input.strings('AlarmTypes');
  for (const type of types ?? []) if (!ALARM_TYPES.includes(type as AlarmType)) throw enumError(type, 'alarmTypes', ALARM_TYPES);
  return types as AlarmType[] | undefined;
}

function readMaxRecords(input: CloudWatchInput): number {
  const max = input.integer('MaxRecords') ?? DEFAULT_MAX_RECORDS;
  if (max < 1 || max > MAX_RECORDS) throw validationError(`1 validation error detected: Value '${max}' at 'maxRecords' failed to satisfy constraint: Member must have value between 1 and ${MAX_RECORDS}`);
  return max;
}

function output(alarm: StoredAlarm): Record<string, unknown> {
  return alarm.type === 'MetricAlarm' ? metricAlarmOutput(alarm) : compositeAlarmOutput(alarm);
}

export function describeAlarms(body: unknown, context: RequestContext): { MetricAlarms: unknown[]; CompositeAlarms: unknown[]; NextToken?: string } {
  const input = CloudWatchInput.of(body);
  const { alarms } = alarmRegionOf(context);
  const names = input.strings('AlarmNames', { max: MAX_NAMES });
  const prefix = input.string('AlarmNamePrefix', { maxLength: 255 });
  const types = readAlarmTypes(input);
  const children = input.string('ChildrenOfAlarmName', { maxLength: 255 });
  const parents = input.string('ParentsOfAlarmName', { maxLength: 255 });
  const stateValue = readStateValue(input, false);
  const actionPrefix = input.string('ActionPrefix', { maxLength: 1024 });
  const max = readMaxRecords(input);
  const token = input.string('NextToken');
  const after = token === undefined ? undefined : decodeToken(token, isCursor).a;
  if (names !== undefined && prefix !== undefined) throw invalidCombination('AlarmNames and AlarmNamePrefix cannot be specified together.');
  const filters = [names, prefix, types, stateValue, actionPrefix].filter((f) => f !== undefined).length;
  if ((children !== undefined || parents !== undefined) && (filters > 0 || (children !== undefined && parents !== undefined))) {
    throw validationError('If you specify ChildrenOfAlarmName or ParentsOfAlarmName, you cannot specify any other parameters in the request except for MaxRecords and NextToken.');
  }

  let selected: readonly StoredAlarm[];
  let project: (alarm: StoredAlarm) => Record<string, unknown> = output;
  if (children !== undefined) {
    const parent = alarms.get(children);
    const childNames = parent?.type === 'CompositeAlarm' ? referencedNames(parent.config) : [];
    selected = alarms.all().filter((a) => childNames.includes(a.config.AlarmName));
    // "Only the Alarm Name, ARN, StateValue (OK/ALARM/INSUFFICIENT_DATA), and StateUpdatedTimestamp information are returned".
    project = (a) => ({ AlarmName: a.config.AlarmName, AlarmArn: a.arn, StateValue: a.state.value, StateUpdatedTimestamp: new Date(a.state.updatedAt) });
  } else if (parents !== undefined) {
    selected = parentsOf(parents, alarms.all());
    // "Only the Alarm Name and ARN are returned".
    project = (a) => ({ AlarmName: a.config.AlarmName, AlarmArn: a.arn });
  } else {
    // "If you omit this parameter, only metric alarms are returned."
    const wanted = types ?? ['MetricAlarm'];
    selected = alarms.all().filter(
      (a) =>
        wanted.includes(a.type) &&
        (names === undefined || names.includes(a.config.AlarmName)) &&
        (prefix === undefined || a.config.AlarmName.startsWith(prefix)) &&
        (stateValue === undefined || a.state.value === stateValue) &&
        (actionPrefix === undefined || [...a.config.OKActions, ...a.config.AlarmActions, ...a.config.InsufficientDataActions].some((action) => action.startsWith(actionPrefix))),
    );
  }
  const from = after === undefined ? 0 : selected.findIndex((a) => a.config.AlarmName > after);
  const page = from < 0 ? [] : selected.slice(from, from + max);
  const result: { MetricAlarms: unknown[]; CompositeAlarms: unknown[]; NextToken?: string } = {
    MetricAlarms: page.filter((a) => a.type === 'MetricAlarm').map(project),
    CompositeAlarms: page.filter((a) => a.type === 'CompositeAlarm').map(project),
  };
  const last = page[page.length - 1];
  if (last !== undefined && from + max < selected.length) result.NextToken = encodeToken({ a: last.config.AlarmName } satisfies Cursor);
  return result;
}

export function describeAlarmsForMetric(body: unknown, context: RequestContext): { MetricAlarms: unknown[] } {
  const input = CloudWatchInput.of(body);
  const metricName = input.string('MetricName', { maxLength: 255 });
  if (metricName === undefined) throw missingParameter('MetricName');
  const namespace = readNamespace(input, { required: true })!;
  const statistic = input.string('Statistic');
  const extended = input.string('ExtendedStatistic');
  const dimensions = input.has('Dimensions') ? readDimensions(input) : undefined;
  const period = input.integer('Period');
  const unit = readUnit(input);
  const key = dimensions === undefined ? undefined : metricKey(namespace, metricName, dimensions);
  const { alarms } = alarmRegionOf(context);
  const matches = (alarm: StoredMetricAlarm): boolean => {
    const c = alarm.config;
    if (c.Metrics !== undefined) {
      return c.Metrics.some(({ MetricStat: s }) => {
        if (s === undefined || s.Metric.Namespace !== namespace || s.Metric.MetricName !== metricName) return false;
        if (key !== undefined && metricKey(namespace, metricName, s.Metric.Dimensions ?? []) !== key) return false;
        const stat = statistic ?? extended;
        return (stat === undefined || s.Stat === stat) && (period === undefined || s.Period === period) && (unit === undefined || s.Unit === unit);
      });
    }
    return (
      c.Namespace === namespace &&
      c.MetricName === metricName &&
      (key === undefined || metricKey(namespace, metricName, c.Dimensions) === key) &&
      (statistic === undefined || c.Statistic === statistic) &&
      (extended === undefined || c.ExtendedStatistic === extended) &&
      (period === undefined || c.Period === period) &&
      (unit === undefined || c.Unit === unit)
    );
  };
  const found = alarms.all().filter((a): a is StoredMetricAlarm => a.type === 'MetricAlarm' && matches(a));
  return { MetricAlarms: found.map(metricAlarmOutput) };
}

function readNames(input: CloudWatchInput): string[] {
  const names = input.strings('AlarmNames', { required: true, max: MAX_NAMES })!;
  return names;
}

export function deleteAlarms(body: unknown, context: RequestContext): Record<string, never> {
  const input = CloudWatchInput.of(body);
  const names = readNames(input);
  const where = alarmRegionOf(context);
  // "If you specify any incorrect alarm names, the alarms you specify with correct names are still deleted."
  const found = names.map((name) => where.alarms.get(name)).filter((a): a is StoredAlarm => a !== undefined);
  // "this total can include no more than one composite alarm".
  if (found.filter((a) => a.type === 'CompositeAlarm').length > 1) throw validationError('You can delete at most one composite alarm in one DeleteAlarms call.');
  const deleting = new Set(found.map((a) => a.config.AlarmName));
  for (const alarm of found) {
    // A composite alarm's children cannot be deleted while it refers to them (DeleteAlarms: a cycle can only be
    // broken by changing a rule).
    const users = parentsOf(alarm.config.AlarmName, where.alarms.all()).filter((p) => !deleting.has(p.config.AlarmName));
    if (users.length > 0) {
      throw validationError(`The alarm ${alarm.config.AlarmName} cannot be deleted: the composite alarm ${users.map((u) => u.config.AlarmName).join(', ')} refers to it in its AlarmRule.`);
    }
  }
  for (const alarm of found) {
    where.alarms.delete(alarm.config.AlarmName);
    where.alarms.record(configurationItem('Delete', alarm, context.now));
  }
  return {};
}

export function setAlarmState(body: unknown, context: RequestContext): Record<string, never> {
  const input = CloudWatchInput.of(body);
  const name = input.string('AlarmName', { required: true, maxLength: 255 })!;
  const value = readStateValue(input, true)!;
  const reason = input.string('StateReason', { required: true, maxLength: 1023, minLength: 0 })!;
  const reasonData = input.string('StateReasonData', { maxLength: 4000, minLength: 0 });
  if (reasonData !== undefined) {
    try {
      JSON.parse(reasonData);
    } catch {
      throw new ServiceError('InvalidFormat', 'Data was not syntactically valid JSON');
    }
  }
  const where = alarmRegionOf(context);
  const alarm = where.alarms.get(name);
  if (alarm === undefined) throw alarmNotFound(name);
  if (changeState(where, alarm, { value, reason, reasonData }, context.now, true)) evaluateParents(where, name, context.now);
  return {};
}

function setActionsEnabled(body: unknown, context: RequestContext, enabled: boolean): Record<string, never> {
  const names = readNames(CloudWatchInput.of(body));
  const where = alarmRegionOf(context);
  for (const name of names) {
    const alarm = where.alarms.get(name);
    if (alarm === undefined || alarm.config.ActionsEnabled === enabled) continue;
    const updated = { ...alarm, configurationUpdatedAt: context.now, config: { ...alarm.config, ActionsEnabled: enabled } } as StoredAlarm;
    where.alarms.put(updated);
    where.alarms.record(configurationItem('Update', updated, context.now, alarm));
  }
  return {};
}

export function enableAlarmActions(body: unknown, context: RequestContext): Record<string, never> {
  return setActionsEnabled(body, context, true);
}

export function disableAlarmActions(body: unknown, context: RequestContext): Record<string, never> {
  return setActionsEnabled(body, context, false);
}
