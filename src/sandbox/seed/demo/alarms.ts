/**
 * Tallybird's CloudWatch alarms and the SNS topics they notify, with their history through yesterday's
 * incident. Nothing here is invented: each alarm's history is the shared engine's backtest over the demo
 * metrics, read the way the sandbox's evaluator reads them (`alarmDatapointsBetween`: the same aggregation,
 * GetMetricData for the math alarm), from the alarm's creation to now; each transition goes through the
 * sandbox's own state change (a StateUpdate item; with actions enabled, the notification the topic received
 * and an Action item), and the composite alarm follows its children as the evaluator makes it. So the
 * incident shows up where the metrics put it: the orders API's errors and p99, the public API's 5XX rate,
 * the web ALB's 5xx and the Aurora writer's connections go to ALARM and back; the Aurora writer's storage and
 * orders-service's memory, above their thresholds all along, are in ALARM now; alarms on metrics that publish
 * nothing stay in INSUFFICIENT_DATA; one alarm has its actions muted.
 */
import { backtest, type AlarmTransition } from '../../../shared/alarms';
import type { AlarmRegion } from '../../services/cloudwatch/alarms/actions';
import { alarmDatapointsBetween, compileAlarm } from '../../services/cloudwatch/alarms/alarm-data';
import { evaluateComposite } from '../../services/cloudwatch/alarms/composite-evaluation';
import {
  alarmArn,
  type AlarmMetricQuery,
  type CompositeAlarmConfig,
  type MetricAlarmConfig,
  type MetricAlarmSpec,
  type StoredCompositeAlarm,
  type StoredMetricAlarm,
  withDefaultActions,
} from '../../services/cloudwatch/alarms/model';
import { initialState, saveAlarm } from '../../services/cloudwatch/alarms/save-alarm';
import { changeState } from '../../services/cloudwatch/alarms/state-change';
import { AlarmsStore } from '../../services/cloudwatch/alarms/store';
import { METRICS_STORE } from '../../services/cloudwatch/store';
import { SnsStore, type Topic } from '../../services/sns/store';
import { AccountState, type RegionState } from '../../state';
import type { SeedAlarms, SeedMetric } from '../types';
import { hashString } from './random';
import type { Region, Scenario } from './scenario';
import { DAY, MINUTE } from './time';

/** An alarm as the demo defines it: its configuration (without actions' account), when it was created, its tags. */
interface DemoAlarm {
  readonly config: (arns: TopicArns) => MetricAlarmConfig;
  /** Days before now: before yesterday's incident (12–36 hours ago), so the history covers it. */
  readonly createdDaysAgo: number;
  readonly tags: Readonly<Record<string, string>>;
}

type TopicArns = Readonly<Record<string, string>>;

const TOPICS: Readonly<Record<Region, readonly string[]>> = {
  'us-east-1': ['tallybird-prod-oncall', 'tallybird-prod-alerts'],
  'eu-west-1': ['tallybird-eu-alerts'],
};

const GIB = 1024 ** 3;

interface MetricSpec {
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: Readonly<Record<string, string>>;
}

function dimensionsOf(spec: MetricSpec): { Name: string; Value: string }[] {
  return Object.entries(spec.dimensions).map(([Name, Value]) => ({ Name, Value }));
}

/** A single-metric alarm's configuration with AWS's defaults for what it leaves out. */
function single(
  name: string,
  description: string,
  metric: MetricSpec,
  rest: Omit<MetricAlarmSpec, 'AlarmName' | 'AlarmDescription' | 'Namespace' | 'MetricName' | 'Dimensions'>,
): MetricAlarmConfig {
  return withDefaultActions({ AlarmName: name, AlarmDescription: description, Namespace: metric.namespace, MetricName: metric.metricName, Dimensions: dimensionsOf(metric), ...rest });
}

const lambda = (fn: string, metricName: string): MetricSpec => ({ namespace: 'AWS/Lambda', metricName, dimensions: { FunctionName: fn } });
const rds = (instance: string, metricName: string): MetricSpec => ({ namespace: 'AWS/RDS', metricName, dimensions: { DBInstanceIdentifier: instance } });
const api = (metricName: string): MetricSpec => ({ namespace: 'AWS/ApiGateway', metricName, dimensions: { ApiName: 'tallybird-public-api', Stage: 'prod' } });
const alb = (metricName: string): MetricSpec => ({ namespace: 'AWS/ApplicationELB', metricName, dimensions: { LoadBalancer: 'app/tallybird-prod-web/50dc6c495c0c9188' } });
const ecs = (cluster: string, service: string, metricName: string): MetricSpec => ({ namespace: 'AWS/ECS', metricName, dimensions: { ClusterName: cluster, ServiceName: service } });

function metricStat(id: string, spec: MetricSpec, stat: string, period: number): AlarmMetricQuery {
  return { Id: id, MetricStat: { Metric: { Namespace: spec.namespace, MetricName: spec.metricName, Dimensions: dimensionsOf(spec) }, Period: period, Stat: stat }, ReturnData: false };
}

const US_ALARMS: readonly DemoAlarm[] = [
  {
    createdDaysAgo: 2.58,
    tags: { team: 'orders', severity: 'page' },
    config: (t) =>
      single('orders-api-errors', 'Orders API Lambda: more than 10 errors a minute in 2 of the last 3 minutes. Runbook: https://wiki.tallybird.example/runbooks/orders-api', lambda('tallybird-prod-orders-api', 'Errors'), {
        Statistic: 'Sum',
        Period: 60,
        EvaluationPeriods: 3,
        DatapointsToAlarm: 2,
        Threshold: 10,
        ComparisonOperator: 'GreaterThanThreshold',
        TreatMissingData: 'notBreaching',
        AlarmActions: [t['tallybird-prod-oncall']!],
        OKActions: [t['tallybird-prod-oncall']!],
      }),
  },
  {
    createdDaysAgo: 2.53,
    tags: { team: 'orders', severity: 'ticket' },
    config: (t) =>
      single('orders-api-duration-p99', 'Orders API Lambda: p99 duration above 5 s over 5 minutes.', lambda('tallybird-prod-orders-api', 'Duration'), {
        ExtendedStatistic: 'p99',
        Period: 300,
        Unit: 'Milliseconds',
        EvaluationPeriods: 1,
        Threshold: 5000,
        ComparisonOperator: 'GreaterThanThreshold',
        EvaluateLowSampleCountPercentile: 'evaluate',
        AlarmActions: [t['tallybird-prod-alerts']!],
        OKActions: [t['tallybird-prod-alerts']!],
      }),
  },
  {
    createdDaysAgo: 2.43,
    tags: { team: 'payments', severity: 'page' },
    config: (t) =>
      single('payments-webhook-error-rate', 'Payments webhook Lambda: more than 5% of invocations fail for 10 minutes.', lambda('tallybird-prod-payments-webhook', 'Errors'), {
        Statistic: 'Average',
        Period: 300,
        EvaluationPeriods: 2,
        Threshold: 0.05,
        ComparisonOperator: 'GreaterThanThreshold',
        AlarmActions: [t['tallybird-prod-oncall']!],
      }),
  },
  {
    createdDaysAgo: 2.48,
    tags: { team: 'platform', severity: 'page' },
    config: (t) => ({
      AlarmName: 'public-api-5xx-rate',
      AlarmDescription: 'Public API: 5XX responses above 5% of requests in 3 of the last 5 minutes.',
      ActionsEnabled: true,
      OKActions: [t['tallybird-prod-oncall']!],
      AlarmActions: [t['tallybird-prod-oncall']!],
      InsufficientDataActions: [],
      Dimensions: [],
      EvaluationPeriods: 5,
      DatapointsToAlarm: 3,
      Threshold: 5,
      ComparisonOperator: 'GreaterThanThreshold',
      TreatMissingData: 'notBreaching',
      Metrics: [
        metricStat('errors', api('5XXError'), 'Sum', 60),
        metricStat('requests', api('Count'), 'Sum', 60),
        { Id: 'rate', Expression: '100 * errors / requests', Label: '5XX error rate (%)', ReturnData: true },
      ],
    }),
  },
  {
    createdDaysAgo: 2.6,
    tags: { team: 'platform', severity: 'page' },
    config: (t) =>
      single('web-alb-target-5xx', 'Web ALB: targets returned more than 20 5xx responses a minute, twice in a row.', alb('HTTPCode_Target_5XX_Count'), {
        Statistic: 'Sum',
        Period: 60,
        EvaluationPeriods: 2,
        Threshold: 20,
        ComparisonOperator: 'GreaterThanThreshold',
        TreatMissingData: 'notBreaching',
        AlarmActions: [t['tallybird-prod-oncall']!],
        OKActions: [t['tallybird-prod-oncall']!],
      }),
  },
  {
    createdDaysAgo: 2.6,
    tags: { team: 'platform', severity: 'ticket' },
    config: (t) =>
      single('web-alb-healthy-hosts', 'Web ALB: fewer than 2 healthy targets.', alb('HealthyHostCount'), {
        Statistic: 'Minimum',
        Period: 60,
        EvaluationPeriods: 1,
        Threshold: 2,
        ComparisonOperator: 'LessThanThreshold',
        TreatMissingData: 'breaching',
        AlarmActions: [t['tallybird-prod-alerts']!],
        OKActions: [t['tallybird-prod-alerts']!],
      }),
  },
  {
    createdDaysAgo: 2.57,
    tags: { team: 'data', severity: 'page' },
    config: (t) =>
      single('aurora-writer-connections', 'Aurora writer: connections at 380 of 405 or more for 3 minutes.', rds('tallybird-prod-instance-1', 'DatabaseConnections'), {
        Statistic: 'Maximum',
        Period: 60,
        EvaluationPeriods: 3,
        Threshold: 380,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        AlarmActions: [t['tallybird-prod-oncall']!],
        OKActions: [t['tallybird-prod-oncall']!],
        InsufficientDataActions: [t['tallybird-prod-alerts']!],
      }),
  },
  {
    createdDaysAgo: 2.55,
    tags: { team: 'data', severity: 'ticket' },
    config: (t) =>
      single('aurora-writer-free-storage', 'Aurora writer: less than 350 GiB of storage free. Plan the storage increase.', rds('tallybird-prod-instance-1', 'FreeStorageSpace'), {
        Statistic: 'Minimum',
        Period: 300,
        Unit: 'Bytes',
        EvaluationPeriods: 1,
        Threshold: 350 * GIB,
        ComparisonOperator: 'LessThanThreshold',
        AlarmActions: [t['tallybird-prod-alerts']!],
      }),
  },
  {
    createdDaysAgo: 2.52,
    tags: { team: 'data', severity: 'ticket' },
    config: (t) =>
      single('aurora-reader-cpu', 'Aurora reader: CPU above 75% for 15 minutes.', rds('tallybird-prod-instance-2', 'CPUUtilization'), {
        Statistic: 'Average',
        Period: 300,
        EvaluationPeriods: 3,
        Threshold: 75,
        ComparisonOperator: 'GreaterThanThreshold',
        AlarmActions: [t['tallybird-prod-alerts']!],
      }),
  },
  {
    createdDaysAgo: 2.36,
    tags: { team: 'orders', severity: 'ticket' },
    config: (t) =>
      single('orders-service-memory', 'orders-service: memory above 45% for 15 minutes (watching the 2.14 connection leak fix).', ecs('tallybird-prod', 'orders-service', 'MemoryUtilization'), {
        Statistic: 'Average',
        Period: 300,
        EvaluationPeriods: 3,
        Threshold: 45,
        ComparisonOperator: 'GreaterThanThreshold',
        AlarmActions: [t['tallybird-prod-alerts']!],
        OKActions: [t['tallybird-prod-alerts']!],
      }),
  },
  {
    createdDaysAgo: 2.24,
    tags: { team: 'payments', severity: 'page' },
    config: (t) =>
      single('payment-failures', 'More than 20 failed payments in 5 minutes.', { namespace: 'Tallybird/Business', metricName: 'PaymentFailures', dimensions: { Environment: 'prod' } }, {
        Statistic: 'Sum',
        Period: 300,
        EvaluationPeriods: 1,
        Threshold: 20,
        ComparisonOperator: 'GreaterThanThreshold',
        TreatMissingData: 'notBreaching',
        AlarmActions: [t['tallybird-prod-oncall']!],
      }),
  },
  {
    createdDaysAgo: 1.97,
    tags: { team: 'risk', severity: 'ticket' },
    config: (t) =>
      single('fraud-score-duration-p90', 'Fraud scoring Lambda: p90 duration above 400 ms. Muted while the model is retrained.', lambda('tallybird-prod-fraud-score', 'Duration'), {
        ExtendedStatistic: 'p90',
        Period: 300,
        EvaluationPeriods: 3,
        Threshold: 400,
        ComparisonOperator: 'GreaterThanThreshold',
        ActionsEnabled: false,
        AlarmActions: [t['tallybird-prod-alerts']!],
      }),
  },
  {
    createdDaysAgo: 1.78,
    tags: { team: 'orders', severity: 'ticket' },
    config: (t) =>
      single('fulfillment-dlq-age', 'Fulfillment dead-letter queue: a message older than an hour.', { namespace: 'AWS/SQS', metricName: 'ApproximateAgeOfOldestMessage', dimensions: { QueueName: 'tallybird-prod-fulfillment-dlq' } }, {
        Statistic: 'Maximum',
        Period: 300,
        EvaluationPeriods: 1,
        Threshold: 3600,
        ComparisonOperator: 'GreaterThanThreshold',
        AlarmActions: [t['tallybird-prod-alerts']!],
      }),
  },
];

const EU_ALARMS: readonly DemoAlarm[] = [
  {
    createdDaysAgo: 2.5,
    tags: { team: 'platform', severity: 'ticket' },
    config: (t) =>
      single('eu-email-errors', 'EU transactional email Lambda: more than 5 errors in 5 minutes.', lambda('tallybird-eu-send-transactional-email', 'Errors'), {
        Statistic: 'Sum',
        Period: 300,
        EvaluationPeriods: 1,
        Threshold: 5,
        ComparisonOperator: 'GreaterThanThreshold',
        TreatMissingData: 'notBreaching',
        AlarmActions: [t['tallybird-eu-alerts']!],
        OKActions: [t['tallybird-eu-alerts']!],
      }),
  },
  {
    createdDaysAgo: 2.46,
    tags: { team: 'data', severity: 'ticket' },
    config: (t) =>
      single('eu-aurora-writer-cpu', 'EU Aurora writer: CPU above 80% for 10 minutes.', rds('tallybird-eu-instance-1', 'CPUUtilization'), {
        Statistic: 'Average',
        Period: 300,
        EvaluationPeriods: 2,
        Threshold: 80,
        ComparisonOperator: 'GreaterThanThreshold',
        AlarmActions: [t['tallybird-eu-alerts']!],
      }),
  },
  {
    createdDaysAgo: 1.7,
    tags: { team: 'orders', severity: 'page' },
    config: (t) =>
      single('eu-orders-api-errors', 'EU orders API Lambda (launching next week): any error.', lambda('tallybird-eu-orders-api', 'Errors'), {
        Statistic: 'Sum',
        Period: 60,
        EvaluationPeriods: 1,
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
        AlarmActions: [t['tallybird-eu-alerts']!],
      }),
  },
];

/** A composite alarm over two of the alarms above: the checkout is down when the API fails because the database does. */
const US_COMPOSITES: readonly { readonly config: (arns: TopicArns) => CompositeAlarmConfig; readonly createdDaysAgo: number; readonly tags: Readonly<Record<string, string>> }[] = [
  {
    createdDaysAgo: 1.65,
    tags: { team: 'platform', severity: 'page' },
    config: (t) => ({
      AlarmName: 'checkout-outage',
      AlarmDescription: 'Checkout is down: the public API fails while the Aurora writer is out of connections. Pages the on-call engineer once, instead of twice.',
      ActionsEnabled: true,
      OKActions: [t['tallybird-prod-oncall']!],
      AlarmActions: [t['tallybird-prod-oncall']!],
      InsufficientDataActions: [],
      AlarmRule: 'ALARM("public-api-5xx-rate") AND ALARM("aurora-writer-connections")',
    }),
  },
];

export interface DemoAlarmsSeed {
  readonly alarms: (accountId: string) => SeedAlarms;
  readonly topics: (accountId: string) => readonly Topic[];
}

/** The region's demo alarms and topics, computed once per account on first use (the backtests take a moment). */
export function demoAlarms(s: Scenario, region: Region, metrics: readonly SeedMetric[]): DemoAlarmsSeed {
  const built = new Map<string, { alarms: SeedAlarms; topics: Topic[] }>();
  const build = (accountId: string) => {
    let result = built.get(accountId);
    if (result === undefined) built.set(accountId, (result = buildRegion(s, region, metrics, accountId)));
    return result;
  };
  return { alarms: (accountId) => build(accountId).alarms, topics: (accountId) => build(accountId).topics };
}

/** Created at an odd second of a minute, as a person would. */
function creationTime(s: Scenario, name: string, daysAgo: number): number {
  return Math.floor((s.now - daysAgo * DAY) / MINUTE) * MINUTE + (hashString(name) % 60_000);
}

/** Something that happens to the alarms at a time: a metric alarm's evaluation changing its state, or a composite alarm's creation. */
interface ReplayEvent {
  readonly at: number;
  readonly apply: () => void;
}

function buildRegion(s: Scenario, region: Region, metrics: readonly SeedMetric[], accountId: string): { alarms: SeedAlarms; topics: Topic[] } {
  // A private copy of the region's metrics, read exactly as the evaluator reads the sandbox's.
  const account = new AccountState(accountId, () => s.now);
  const state = account.region(region);
  const store = state.store(METRICS_STORE);
  for (const metric of metrics) store.obtain(metric, s.now, metric.generator);
  // The alarms live their week in stores of their own, through the sandbox's state changes and actions.
  const where: AlarmRegion = { alarms: new AlarmsStore(accountId, region), sns: new SnsStore(accountId, region), region, accountId };
  const topics = TOPICS[region].map((name, i): Topic => {
    const arn = `arn:aws:sns:${region}:${accountId}:${name}`;
    return { arn, name, fifo: false, attributes: { DisplayName: name }, tags: {}, createdAt: s.now - (40 + 30 * i) * DAY, subscriptions: [], published: [] };
  });
  for (const topic of topics) where.sns.add(topic);
  const arns = Object.fromEntries(topics.map((topic) => [topic.name, topic.arn]));

  const events: ReplayEvent[] = [];
  const composites: StoredCompositeAlarm[] = [];
  for (const demo of region === 'us-east-1' ? US_ALARMS : EU_ALARMS) {
    const config = demo.config(arns);
    const createdAt = creationTime(s, config.AlarmName, demo.createdDaysAgo);
    const alarm: StoredMetricAlarm = { type: 'MetricAlarm', arn: alarmArn(region, accountId, config.AlarmName), configurationUpdatedAt: createdAt, state: initialState(createdAt), config };
    saveAlarm(where, alarm, undefined, demo.tags, createdAt);
    for (const transition of backtestTransitions(alarm, state, account, s.now)) {
      // CloudWatch evaluates a little after the minute; its timestamps carry the milliseconds.
      const at = transition.timestamp + 4_000 + (hashString(`${config.AlarmName}/${transition.timestamp}`) % 30_000);
      events.push({ at, apply: () => changeState(where, alarm, { value: transition.to, reason: transition.reason ?? '', reasonData: transition.reasonData }, at) });
    }
  }
  for (const demo of region === 'us-east-1' ? US_COMPOSITES : []) {
    const config = demo.config(arns);
    const createdAt = creationTime(s, config.AlarmName, demo.createdDaysAgo);
    const alarm: StoredCompositeAlarm = { type: 'CompositeAlarm', arn: alarmArn(region, accountId, config.AlarmName), configurationUpdatedAt: createdAt, state: initialState(createdAt), config };
    events.push({
      at: createdAt,
      apply: () => {
        saveAlarm(where, alarm, undefined, demo.tags, createdAt);
        composites.push(alarm);
      },
    });
  }
  events.sort((a, b) => a.at - b.at);
  for (const event of events) {
    event.apply();
    // Composite alarms follow their children at once, as the evaluator's tick does.
    for (const composite of composites) evaluateComposite(where, composite, event.at);
  }
  const tags = Object.fromEntries(where.alarms.all().map((alarm) => [alarm.arn, Object.fromEntries(where.alarms.tagsOf(alarm.arn))]));
  return { alarms: { alarms: where.alarms.all(), history: where.alarms.historyAt(s.now), tags }, topics };
}

/** The alarm's transitions from its creation to now: the backtest over the metrics, as the evaluator reads them. */
function backtestTransitions(alarm: StoredMetricAlarm, state: RegionState, account: AccountState, now: number): readonly AlarmTransition[] {
  const { engine, periodMs, rangePeriods } = compileAlarm(alarm.config);
  // The first evaluation is on the first whole period after creation.
  const start = Math.ceil(alarm.configurationUpdatedAt / periodMs) * periodMs;
  const end = Math.floor(now / MINUTE) * MINUTE;
  const datapoints = alarmDatapointsBetween(alarm.config, state, account, start - rangePeriods * periodMs, end);
  return backtest(engine, datapoints, { start, end, withReasons: true }).transitions;
}
