/**
 * The alarms list at 10,000 alarms: `alarms.list_10k_ms`, loading them through main/api's `alarms.list`
 * stream from the sandbox (100 DescribeAlarms pages, as the list does when the view opens), and
 * `alarms.list_rows_10k_ms`, one recompute of the list's rows (filter, ALARM-first order, composite
 * children), as on each page that arrives and each key typed in the search box.
 */
import { createApi } from '../src/main/api';
import { isolatedApiOptions } from '../src/main/api/testing';
import { withDefaultActions } from '../src/sandbox/services/cloudwatch/alarms/model';
import { initialState } from '../src/sandbox/services/cloudwatch/alarms/save-alarm';
import { startSandbox } from '../src/sandbox';
import type { Alarm, AlarmPage } from '../src/shared/contract';
import { alarmRows, sortedAlarms, NO_FILTER } from '../src/renderer/src/features/alarms/alarmList';
import { median, type Benchmark } from './harness';

const ALARMS = 10_000;
const RUNS = 20;

export const alarmsList: Benchmark = {
  name: 'alarms.list',
  description: `${ALARMS.toLocaleString('en-US')} alarms loaded through alarms.list from the sandbox, and the list's rows recomputed`,
  async run(report) {
    const now = Date.now();
    const sandbox = await startSandbox({ port: 0, seed: 'empty' });
    const options = isolatedApiOptions(async () => sandbox.endpoint);
    const api = createApi(options);
    try {
      const { metrics } = sandbox.cloudwatch.seedBulk({ metrics: 100 });
      const store = sandbox.cloudwatch.alarms('us-east-1');
      for (let i = 0; i < ALARMS; i++) {
        const name = `bench-${String(i).padStart(5, '0')}`;
        const metric = metrics[i % metrics.length]!;
        store.put({
          type: 'MetricAlarm',
          arn: store.arnOf(name),
          configurationUpdatedAt: now,
          state: initialState(now, i % 37 === 0 ? 'ALARM' : i % 11 === 0 ? 'INSUFFICIENT_DATA' : 'OK'),
          config: withDefaultActions({
            AlarmName: name,
            Namespace: metric.namespace,
            MetricName: metric.metricName,
            Dimensions: metric.dimensions,
            Statistic: 'Average',
            Period: 60,
            EvaluationPeriods: 3,
            Threshold: 100,
            ComparisonOperator: 'GreaterThanThreshold',
          }),
        });
      }

      const loads: number[] = [];
      let alarms: Alarm[] = [];
      for (let run = 0; run < 3; run++) {
        alarms = [];
        const started = performance.now();
        await api.dispatcher.subscribe('alarms.list', {}, new AbortController().signal, (message) => {
          if (message.type === 'next') alarms.push(...(message.value as AlarmPage).alarms);
        });
        loads.push(performance.now() - started);
      }
      if (alarms.length !== ALARMS) throw new Error(`Listed ${alarms.length} alarms, not ${ALARMS}.`);
      report({ name: 'alarms.list_10k_ms', value: median(loads), unit: 'ms' });

      const byName = new Map(alarms.map((alarm) => [alarm.name, alarm]));
      const recomputes: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const filter = run % 2 === 0 ? NO_FILTER : { ...NO_FILTER, text: `bench-0${run % 10}` };
        const started = performance.now();
        alarmRows(sortedAlarms(alarms, filter), byName, new Set(), () => []);
        recomputes.push(performance.now() - started);
      }
      report({ name: 'alarms.list_rows_10k_ms', value: median(recomputes), unit: 'ms' });
    } finally {
      api.dispose();
      options.cleanup();
      await sandbox.close();
    }
  },
};
