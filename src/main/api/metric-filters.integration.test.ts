/**
 * metricFilters.* through the dispatcher and the real CloudWatch Logs SDK client against a sandbox: a filter
 * created, listed (every page, by group, prefix and metric), replaced and deleted; bad input refused with
 * its reason before any call; TestMetricFilter batched past its 50 lines; and the filter's metric fed by
 * events ingested after it exists, never before.
 */
import { CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MetricData, MetricFilter, MetricFilterMatch, MetricTransformation } from '../../shared/contract';
import type { ApiError } from '../../shared/errors';
import type { Dispatcher } from '../../shared/rpc';
import { call, ok } from './dispatcher-testing';
import { sandboxApi } from './sandbox-testing';

const WEB = '/filters/web';
const API = '/filters/api';
const STREAM = 'web-1';

const api = sandboxApi();
let logs: CloudWatchLogsClient;

beforeAll(async () => {
  logs = new CloudWatchLogsClient({ region: 'us-east-1', endpoint: api.sandbox.endpoint, credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' } });
  for (const group of [WEB, API]) await logs.send(new CreateLogGroupCommand({ logGroupName: group }));
  await logs.send(new CreateLogStreamCommand({ logGroupName: WEB, logStreamName: STREAM }));
});

function putEvents(messages: readonly string[], timestamp: number) {
  return logs.send(new PutLogEventsCommand({ logGroupName: WEB, logStreamName: STREAM, logEvents: messages.map((message) => ({ timestamp, message })) }));
}

const count = (metricName: string, overrides: Partial<MetricTransformation> = {}): MetricTransformation => ({ metricName, metricNamespace: 'Test/Filters', metricValue: '1', ...overrides });

async function put(dispatcher: Dispatcher, logGroupName: string, filterName: string, filterPattern: string, transformation: MetricTransformation) {
  await ok(call(dispatcher, 'metricFilters.put', { logGroupName, filterName, filterPattern, transformation }));
}

async function list(dispatcher: Dispatcher, request: object): Promise<readonly MetricFilter[]> {
  return (await ok<{ filters: readonly MetricFilter[] }>(call(dispatcher, 'metricFilters.list', request))).filters;
}

async function refusal(dispatcher: Dispatcher, method: string, request: object): Promise<ApiError> {
  const result = await call(dispatcher, method, request);
  if (result.ok) throw new Error(`${method} succeeded`);
  return result.error;
}

describe('metricFilters.put, list and delete', () => {
  it('creates a filter with every transformation field, replaces it and deletes it', async () => {
    const dispatcher = api.start();
    const transformation = count('Bytes', { metricValue: '$bytes', dimensions: { Host: '$host' }, unit: 'Bytes' });
    await put(dispatcher, WEB, 'bytes', '[host, status, bytes]', transformation);
    const [stored] = await list(dispatcher, { logGroupName: WEB });
    expect(stored).toMatchObject({ logGroupName: WEB, filterName: 'bytes', filterPattern: '[host, status, bytes]', transformation });
    expect(stored?.creationTime).toBeGreaterThan(Date.now() - 60_000);

    // A second put of the same name replaces the whole filter.
    await put(dispatcher, WEB, 'bytes', '[host, status=5*, bytes]', count('Errors', { defaultValue: 0 }));
    expect((await list(dispatcher, { logGroupName: WEB })).map((filter) => [filter.filterPattern, filter.transformation])).toEqual([
      ['[host, status=5*, bytes]', { metricName: 'Errors', metricNamespace: 'Test/Filters', metricValue: '1', defaultValue: 0 }],
    ]);

    await ok(call(dispatcher, 'metricFilters.delete', { logGroupName: WEB, filterName: 'bytes' }));
    expect(await list(dispatcher, { logGroupName: WEB })).toEqual([]);
    expect((await refusal(dispatcher, 'metricFilters.delete', { logGroupName: WEB, filterName: 'bytes' })).code).toBe('NotFound');
  });

  it('lists every page, across groups or of one, by name prefix and by metric', async () => {
    const dispatcher = api.start();
    const names = Array.from({ length: 60 }, (_, index) => `many-${String(index).padStart(2, '0')}`);
    for (const name of names) await put(dispatcher, WEB, name, 'ERROR', count(name.endsWith('7') ? 'Sevens' : 'Errors'));
    await put(dispatcher, API, 'api-errors', 'ERROR', count('Errors'));

    const all = await list(dispatcher, {});
    expect(all.map((filter) => `${filter.logGroupName}:${filter.filterName}`)).toEqual([`${API}:api-errors`, ...names.map((name) => `${WEB}:${name}`)]);
    expect(await list(dispatcher, { logGroupName: WEB })).toHaveLength(60);
    expect((await list(dispatcher, { logGroupName: WEB, namePrefix: 'many-1' })).map((filter) => filter.filterName)).toEqual(names.slice(10, 20));
    expect((await list(dispatcher, { metricName: 'Sevens', metricNamespace: 'Test/Filters' })).map((filter) => filter.filterName)).toEqual(
      names.filter((name) => name.endsWith('7')),
    );

    for (const name of names) await ok(call(dispatcher, 'metricFilters.delete', { logGroupName: WEB, filterName: name }));
    await ok(call(dispatcher, 'metricFilters.delete', { logGroupName: API, filterName: 'api-errors' }));
  });

  it('refuses, before any call, a pattern with its position and a metric value or dimension the pattern cannot extract', async () => {
    const dispatcher = api.start();
    const request = { logGroupName: WEB, filterName: 'bad', filterPattern: '[host, status]', transformation: count('Bad') };
    const pattern = await refusal(dispatcher, 'metricFilters.put', { ...request, filterPattern: '{ $.status = }' });
    expect(pattern.code).toBe('InvalidInput');
    expect(pattern.message).toMatch(/filterPattern: .* \(at character \d+\)/);
    const value = await refusal(dispatcher, 'metricFilters.put', { ...request, transformation: count('Bad', { metricValue: '$bytes' }) });
    expect(value.message).toContain('transformation.metricValue: $bytes is not a field of the filter pattern');
    const path = await refusal(dispatcher, 'metricFilters.put', { ...request, transformation: count('Bad', { metricValue: '$.bytes' }) });
    expect(path.message).toContain('$.bytes is a JSON path, but the filter pattern is not a JSON pattern');
    const dimension = await refusal(dispatcher, 'metricFilters.put', { ...request, transformation: count('Bad', { dimensions: { Host: '$hostname' } }) });
    expect(dimension.message).toContain('transformation.dimensions.Host: $hostname is not a field of the filter pattern');
    const withDefault = await refusal(dispatcher, 'metricFilters.put', { ...request, transformation: count('Bad', { dimensions: { Host: '$host' }, defaultValue: 0 }) });
    expect(withDefault.message).toContain('cannot have a default value');
    const metricName = await refusal(dispatcher, 'metricFilters.put', { ...request, transformation: count('Bad$') });
    expect(metricName.message).toContain("may not contain ':', '*' or '$'");
    expect(await list(dispatcher, { logGroupName: WEB })).toEqual([]);
  });

  it('says when the group has its 100 filters', async () => {
    const dispatcher = api.start();
    // Seeded in the store: 100 puts would spend seconds within PutMetricFilter's 5 TPS.
    const group = api.sandbox.logs('us-east-1').group(API);
    for (let index = 0; index < 100; index++) {
      group?.metricFilters.set(`quota-${index}`, { filterName: `quota-${index}`, filterPattern: '', pattern: { kind: 'all', source: '' }, transformation: count('All'), creationTime: Date.now() });
    }
    const over = await refusal(dispatcher, 'metricFilters.put', { logGroupName: API, filterName: 'one-more', filterPattern: '', transformation: count('All') });
    expect(over.code).toBe('LimitExceeded');
    expect(over.message).toContain('request a quota increase');
    group?.metricFilters.clear();
  });
});

describe('metricFilters.test', () => {
  it('tests more lines than one TestMetricFilter takes, numbering matches over all of them', async () => {
    const dispatcher = api.start();
    const messages = Array.from({ length: 120 }, (_, index) => `10.0.0.${index % 7} ${index % 10 === 3 ? 503 : 200} ${index * 10}`);
    const { matches } = await ok<{ matches: readonly MetricFilterMatch[] }>(
      call(dispatcher, 'metricFilters.test', { filterPattern: '[ip, status=5*, bytes]', messages }),
    );
    expect(matches.map((match) => match.eventNumber)).toEqual([4, 14, 24, 34, 44, 54, 64, 74, 84, 94, 104, 114]);
    expect(matches[5]).toEqual({ eventNumber: 54, eventMessage: '10.0.0.4 503 530', extractedValues: { $1: '10.0.0.4', $2: '503', $3: '530' } });
  });

  it('returns JSON values by selector, and refuses more than 500 lines', async () => {
    const dispatcher = api.start();
    const { matches } = await ok<{ matches: readonly MetricFilterMatch[] }>(
      call(dispatcher, 'metricFilters.test', { filterPattern: '{ $.latency > 100 }', messages: ['{"latency": 50}', '{"latency": 250, "path": "/orders"}'] }),
    );
    expect(matches).toEqual([{ eventNumber: 2, eventMessage: '{"latency": 250, "path": "/orders"}', extractedValues: { '$.latency': '250' } }]);
    expect((await refusal(dispatcher, 'metricFilters.test', { filterPattern: 'x', messages: Array.from({ length: 501 }, () => 'x') })).code).toBe('InvalidInput');
  });
});

describe('a filter’s metric', () => {
  it('gets the events ingested after the filter exists, never those before', async () => {
    const dispatcher = api.start();
    const minute = Math.floor(Date.now() / 60_000) * 60_000;
    await putEvents(['GET /a 500', 'GET /b 500'], minute);
    await put(dispatcher, WEB, 'server-errors', '[method, path, status=5*]', count('ServerErrors'));
    await putEvents(['GET /c 500', 'GET /d 200', 'GET /e 503'], minute + 1);
    const data = await ok<MetricData>(
      call(dispatcher, 'metrics.getData', {
        queries: [{ id: 'm1', metricStat: { metric: { namespace: 'Test/Filters', metricName: 'ServerErrors' }, period: 60, stat: 'Sum' } }],
        startTime: minute - 5 * 60_000,
        endTime: minute + 5 * 60_000,
      }),
    );
    expect(data.series[0]?.timestamps).toEqual([minute]);
    expect(data.series[0]?.values).toEqual([2]);
    await ok(call(dispatcher, 'metricFilters.delete', { logGroupName: WEB, filterName: 'server-errors' }));
  });
});
