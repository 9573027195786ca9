import { describe, expect, it } from 'vitest';
import { RouterHarness } from '../../../test-support';
import { LOGS_STORE } from '../store';

const REGION = 'ap-south-1';

function setUp() {
  const harness = new RouterHarness();
  const logs = harness.state.region(REGION).store(LOGS_STORE);
  const group = logs.createGroup({ name: '/app/web', creationTime: harness.now - 1000 });
  group.createStream('s', harness.now);
  logs.createGroup({ name: '/app/api', creationTime: harness.now - 1000 });
  const call = (operation: string, body: object) => {
    const response = harness.logs(operation, body, { region: REGION });
    return { status: response.status, body: response.body === '' ? {} : JSON.parse(response.body) };
  };
  const put = (messages: readonly string[], at = harness.now) =>
    call('PutLogEvents', { logGroupName: '/app/web', logStreamName: 's', logEvents: messages.map((message) => ({ timestamp: at, message })) });
  const statistics = (metricName: string, dimensions: readonly { Name: string; Value: string }[] = []) => {
    const response = harness.cloudwatch(
      'GetMetricStatistics',
      { Namespace: 'App', MetricName: metricName, Dimensions: dimensions, StartTime: (harness.now - 3_600_000) / 1000, EndTime: (harness.now + 60_000) / 1000, Period: 60, Statistics: ['Sum', 'SampleCount'] },
      { region: REGION },
    );
    const datapoints = (JSON.parse(response.body) as { Datapoints: { Sum: number; SampleCount: number; Timestamp: number }[] }).Datapoints;
    return datapoints.map(({ Sum, SampleCount }) => ({ Sum, SampleCount }));
  };
  return { harness, call, put, statistics };
}

const transformation = (overrides: object = {}) => ({ metricName: 'Errors', metricNamespace: 'App', metricValue: '1', ...overrides });

describe('PutMetricFilter / DescribeMetricFilters / DeleteMetricFilter', () => {
  it('stores a filter, replaces it on a second put, counts it in DescribeLogGroups and deletes it', () => {
    const { call, harness } = setUp();
    expect(call('PutMetricFilter', { logGroupName: '/app/web', filterName: 'errors', filterPattern: 'ERROR', metricTransformations: [transformation()] })).toEqual({ status: 200, body: {} });
    expect(call('PutMetricFilter', { logGroupName: '/app/web', filterName: 'errors', filterPattern: '"ERROR" -timeout', metricTransformations: [transformation({ defaultValue: 0, unit: 'Count' })] }).status).toBe(200);
    expect(call('DescribeMetricFilters', { logGroupName: '/app/web' }).body).toEqual({
      metricFilters: [
        {
          filterName: 'errors',
          filterPattern: '"ERROR" -timeout',
          metricTransformations: [{ metricName: 'Errors', metricNamespace: 'App', metricValue: '1', defaultValue: 0, unit: 'Count' }],
          creationTime: harness.now,
          logGroupName: '/app/web',
          applyOnTransformedLogs: false,
        },
      ],
    });
    const groups = call('DescribeLogGroups', { logGroupNamePrefix: '/app/web' }).body.logGroups;
    expect(groups[0].metricFilterCount).toBe(1);
    expect(call('DeleteMetricFilter', { logGroupName: '/app/web', filterName: 'errors' })).toEqual({ status: 200, body: {} });
    const missing = call('DeleteMetricFilter', { logGroupName: '/app/web', filterName: 'errors' });
    expect(missing.status).toBe(400);
    expect(missing.body.__type).toContain('ResourceNotFoundException');
  });

  it.each([
    ['an invalid pattern', { filterPattern: '{ $.a = ' }, 'Invalid metric filter pattern'],
    ['a metric value that is not a number', { metricTransformations: [transformation({ metricValue: 'one' })] }, 'Invalid metric value'],
    ['a $.path with a space-delimited pattern', { filterPattern: '[ip, status]', metricTransformations: [transformation({ metricValue: '$.bytes' })] }, 'not a JSON pattern'],
    ['a $field the pattern does not name', { filterPattern: '[ip, status]', metricTransformations: [transformation({ metricValue: '$bytes' })] }, 'not a field of the filter pattern'],
    ['dimensions on a terms pattern', { metricTransformations: [transformation({ dimensions: { Host: '$host' } })] }, 'does not support dimensions'],
    ['four dimensions', { filterPattern: '[a, b, c, d]', metricTransformations: [transformation({ dimensions: { A: '$a', B: '$b', C: '$c', D: '$d' } })] }, 'at most 3 dimensions'],
    ['dimensions with a default value', { filterPattern: '[a]', metricTransformations: [transformation({ dimensions: { A: '$a' }, defaultValue: 0 })] }, 'cannot have a default value'],
    ['a dimension that is not a field', { filterPattern: '[a]', metricTransformations: [transformation({ dimensions: { A: 'web' } })] }, 'Invalid dimension A'],
    ['two transformations', { metricTransformations: [transformation(), transformation()] }, 'Member must have length less than or equal to 1'],
  ])('refuses %s with InvalidParameterException', (_, overrides, message) => {
    const { call } = setUp();
    const result = call('PutMetricFilter', { logGroupName: '/app/web', filterName: 'f', filterPattern: 'ERROR', metricTransformations: [transformation()], ...overrides });
    expect(result.status).toBe(400);
    expect(result.body.__type).toContain('InvalidParameterException');
    expect(result.body.message).toContain(message);
  });

  it('allows 100 filters per group, then LimitExceededException; replacing one still works', () => {
    const { call } = setUp();
    for (let index = 0; index < 100; index++) {
      expect(call('PutMetricFilter', { logGroupName: '/app/web', filterName: `f${index}`, filterPattern: '', metricTransformations: [transformation()] }).status).toBe(200);
    }
    const over = call('PutMetricFilter', { logGroupName: '/app/web', filterName: 'f100', filterPattern: '', metricTransformations: [transformation()] });
    expect(over.body.__type).toContain('LimitExceededException');
    expect(call('PutMetricFilter', { logGroupName: '/app/web', filterName: 'f7', filterPattern: 'x', metricTransformations: [transformation()] }).status).toBe(200);
  });

  it('filters by name prefix and by metric, and pages with nextToken', () => {
    const { call } = setUp();
    for (const [group, name, metricName] of [['/app/web', 'b', 'Errors'], ['/app/web', 'a', 'Latency'], ['/app/web', 'ab', 'Errors'], ['/app/api', 'z', 'Errors']] as const) {
      call('PutMetricFilter', { logGroupName: group, filterName: name, filterPattern: '', metricTransformations: [transformation({ metricName })] });
    }
    const names = (body: object) => (call('DescribeMetricFilters', body).body.metricFilters as { logGroupName: string; filterName: string }[]).map((f) => `${f.logGroupName}:${f.filterName}`);
    expect(names({})).toEqual(['/app/api:z', '/app/web:a', '/app/web:ab', '/app/web:b']);
    expect(names({ logGroupName: '/app/web', filterNamePrefix: 'a' })).toEqual(['/app/web:a', '/app/web:ab']);
    expect(names({ metricName: 'Errors', metricNamespace: 'App' })).toEqual(['/app/api:z', '/app/web:ab', '/app/web:b']);
    expect(call('DescribeMetricFilters', { filterNamePrefix: 'a' }).body.__type).toContain('InvalidParameterException');
    expect(call('DescribeMetricFilters', { metricName: 'Errors' }).body.__type).toContain('InvalidParameterException');
    expect(call('DescribeMetricFilters', { limit: 51 }).body.__type).toContain('InvalidParameterException');

    const seen: string[] = [];
    let token: string | undefined;
    do {
      const page = call('DescribeMetricFilters', { limit: 3, ...(token === undefined ? {} : { nextToken: token }) }).body;
      seen.push(...page.metricFilters.map((f: { filterName: string }) => f.filterName));
      token = page.nextToken;
    } while (token !== undefined);
    expect(seen).toEqual(['z', 'a', 'ab', 'b']);
  });
});

describe('TestMetricFilter', () => {
  it.each([
    [
      'a space-delimited pattern, keyed by position',
      '[ip, user, status=4*, bytes]',
      ['127.0.0.1 frank 404 2326', '127.0.0.1 frank 200 10'],
      [{ eventNumber: 1, eventMessage: '127.0.0.1 frank 404 2326', extractedValues: { $1: '127.0.0.1', $2: 'frank', $3: '404', $4: '2326' } }],
    ],
    [
      'a JSON pattern, keyed by selector',
      '{ $.eventType = "UpdateTrail" && $.latency > 10 }',
      ['{"eventType":"UpdateTrail","latency":12}', '{"eventType":"Other","latency":50}'],
      [{ eventNumber: 1, eventMessage: '{"eventType":"UpdateTrail","latency":12}', extractedValues: { '$.eventType': 'UpdateTrail', '$.latency': '12' } }],
    ],
    [
      'a terms pattern, with no values',
      'ERROR',
      ['ok', 'an ERROR here', 'ERROR again'],
      [
        { eventNumber: 2, eventMessage: 'an ERROR here', extractedValues: {} },
        { eventNumber: 3, eventMessage: 'ERROR again', extractedValues: {} },
      ],
    ],
  ])('returns the matches of %s', (_, filterPattern, logEventMessages, matches) => {
    const { call } = setUp();
    expect(call('TestMetricFilter', { filterPattern, logEventMessages }).body).toEqual({ matches });
  });

  it('refuses an invalid pattern and more than 50 messages', () => {
    const { call } = setUp();
    expect(call('TestMetricFilter', { filterPattern: '[a', logEventMessages: ['x'] }).body.message).toContain('Invalid metric filter pattern');
    expect(call('TestMetricFilter', { filterPattern: 'x', logEventMessages: Array.from({ length: 51 }, () => 'x') }).body.__type).toContain('InvalidParameterException');
  });
});

describe('metric filter emission', () => {
  it('publishes new matching events, never the ones stored before the filter', () => {
    const { call, put, statistics } = setUp();
    put(['ERROR before the filter']);
    call('PutMetricFilter', { logGroupName: '/app/web', filterName: 'errors', filterPattern: 'ERROR', metricTransformations: [transformation({ defaultValue: 0 })] });
    expect(statistics('Errors')).toEqual([]);
    put(['ERROR one', 'fine', 'ERROR two']);
    expect(statistics('Errors')).toEqual([{ Sum: 2, SampleCount: 3 }]);
  });

  it('publishes extracted values with dimensions from the fields', () => {
    const { call, put, statistics } = setUp();
    call('PutMetricFilter', {
      logGroupName: '/app/web',
      filterName: 'bytes',
      filterPattern: '[host, status, bytes]',
      metricTransformations: [transformation({ metricName: 'Bytes', metricValue: '$bytes', dimensions: { Host: '$host' } })],
    });
    put(['web-1 200 100', 'web-1 200 50', 'web-2 500 7', 'web-2 500 not-a-number']);
    expect(statistics('Bytes', [{ Name: 'Host', Value: 'web-1' }])).toEqual([{ Sum: 150, SampleCount: 2 }]);
    expect(statistics('Bytes', [{ Name: 'Host', Value: 'web-2' }])).toEqual([{ Sum: 7, SampleCount: 1 }]);
  });

  it('publishes JSON values by path, and stops once the filter is deleted', () => {
    const { call, put, statistics } = setUp();
    call('PutMetricFilter', { logGroupName: '/app/web', filterName: 'latency', filterPattern: '{ $.latency > 0 }', metricTransformations: [transformation({ metricName: 'Latency', metricValue: '$.latency' })] });
    put(['{"latency": 12.5}', '{"latency": 0}']);
    call('DeleteMetricFilter', { logGroupName: '/app/web', filterName: 'latency' });
    put(['{"latency": 99}']);
    expect(statistics('Latency')).toEqual([{ Sum: 12.5, SampleCount: 1 }]);
  });

  it('publishes events ingested by the store directly, as the demo live trickle does', () => {
    const { harness, call, statistics } = setUp();
    call('PutMetricFilter', { logGroupName: '/app/web', filterName: 'errors', filterPattern: 'ERROR', metricTransformations: [transformation()] });
    const group = harness.state.region(REGION).store(LOGS_STORE).group('/app/web');
    const stream = group?.stream('s');
    if (group === undefined || stream === undefined) throw new Error('set-up failed');
    group.ingest(stream, [{ timestamp: harness.now, message: 'ERROR live', size: 10 }], () => harness.now);
    expect(statistics('Errors')).toEqual([{ Sum: 1, SampleCount: 1 }]);
  });
});
