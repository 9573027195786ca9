/**
 * insights.* through the real SDK against the sandbox's Logs Insights: a query from Scheduled to
 * Complete with its rows and statistics, AWS's MalformedQueryException with the mistake's position,
 * Stop (StopQuery) and leaving (unsubscribing) both stopping the query on the server, waiting and
 * retrying beyond the concurrency quota, fetching every row past the 10,000-row cap in order, a
 * record by its @ptr, the groups' fields, and query definitions.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FetchAllUpdate, GroupField, LogRecord, QueryDefinition, QueryInfo, QueryRow, QueryUpdate } from '../../shared/contract';
import type { StreamMessage } from '../../shared/rpc';
import type { InsightsSettings } from '../../sandbox';
import { call, ok, subscribe, valuesOf } from './dispatcher-testing';
import { sandboxApi } from './sandbox-testing';

const NOW = Date.now();
const HOUR = 3_600_000;
const APP = '/insights/app';
const BULK = '/insights/bulk';
/** More than 4 slices of 10,000: the first cut of the range is cut again. */
const BULK_EVENTS = 45_000;

const suite = sandboxApi({}, (sandbox) => {
  const logs = sandbox.logs('us-east-1');
  const group = logs.createGroup({ name: APP, creationTime: NOW - 2 * HOUR });
  const stream = group.createStream('web-1', NOW - 2 * HOUR);
  const lines = [
    { offset: 50 * 60_000, message: '{"level":"ERROR","route":"/orders","ms":120}' },
    { offset: 40 * 60_000, message: '{"level":"INFO","route":"/orders","ms":20}' },
    { offset: 30 * 60_000, message: '{"level":"ERROR","route":"/carts","ms":340}' },
    { offset: 20 * 60_000, message: '{"level":"INFO","route":"/carts","ms":15}' },
    { offset: 10 * 60_000, message: '{"level":"ERROR","route":"/orders","ms":95}' },
  ];
  group.ingest(
    stream,
    lines.map((line) => ({ timestamp: NOW - line.offset, message: line.message, size: line.message.length })),
    (event) => event.timestamp + 100,
  );
  sandbox.seedBulk({ logGroupName: BULK, events: BULK_EVENTS, streams: 5, from: NOW - HOUR, to: NOW, messageBytes: 80 });
});

let defaults: InsightsSettings;
beforeAll(() => {
  defaults = suite.sandbox.insights.settings();
});
afterEach(() => suite.sandbox.insights.configure(defaults));

const range = { startTime: NOW - 2 * HOUR, endTime: NOW };

function updates(messages: readonly StreamMessage[]): QueryUpdate[] {
  return valuesOf<QueryUpdate>(messages);
}

function lastRows(messages: readonly StreamMessage[]): readonly QueryRow[] {
  return updates(messages).filter((update) => update.type === 'results').at(-1)?.rows ?? [];
}

/** Starts a run and collects its messages; resolves `done` when it ends. */
function startRun(query: Record<string, unknown>, signal = new AbortController().signal) {
  const dispatcher = suite.start();
  const messages: StreamMessage[] = [];
  const done = dispatcher.subscribe('insights.run', { query }, signal, (message) => messages.push(message));
  return { dispatcher, messages, done };
}

describe('insights.run', () => {
  it('runs a query to Complete, reporting status, statistics and rows as they come', async () => {
    const messages = await subscribe(suite.start(), 'insights.run', {
      query: { ...range, logGroupNames: [APP], queryString: 'filter level = "ERROR" | stats count(*) as errors by route | sort errors desc' },
    });
    expect(messages.at(-1)).toEqual({ type: 'complete' });
    const all = updates(messages);
    expect(all[0]).toMatchObject({ type: 'started', queryId: expect.any(String) });
    const statuses = all.flatMap((update) => (update.type === 'status' ? [update.status] : []));
    expect(statuses.at(-1)).toBe('Complete');
    expect(all.at(-1)).toMatchObject({ type: 'done', status: 'Complete', capped: false, statistics: { recordsScanned: 5, recordsMatched: 3 } });
    expect((all.at(-1) as { statistics: { bytesScanned: number } }).statistics.bytesScanned).toBeGreaterThan(0);
    expect(lastRows(messages)).toEqual([
      { route: '/orders', errors: '2' },
      { route: '/carts', errors: '1' },
    ]);
  });

  it('gives every event row its @ptr, which opens the whole record and says where the event is', async () => {
    const dispatcher = suite.start();
    const messages = await subscribe(dispatcher, 'insights.run', {
      query: { ...range, logGroupNames: [APP], queryString: 'fields @timestamp, @message | sort @timestamp asc | limit 1' },
    });
    const [row] = lastRows(messages);
    expect(row?.['@message']).toContain('"ms":120');
    const record = await ok<LogRecord>(call(dispatcher, 'insights.getRecord', { logRecordPointer: row?.['@ptr'] }));
    expect(record).toMatchObject({ logGroupName: APP, logStreamName: 'web-1', timestamp: NOW - 50 * 60_000 });
    expect(record.fields['@message']).toBe('{"level":"ERROR","route":"/orders","ms":120}');
  });

  it("refuses a query AWS cannot read with MalformedQueryException's position, as the local parser finds it", async () => {
    const queryString = 'fields @message | stats count(*) by';
    const messages = await subscribe(suite.start(), 'insights.run', { query: { ...range, logGroupNames: [APP], queryString } });
    const last = messages.at(-1);
    expect(last?.type).toBe('error');
    const error = (last as { error: { code: string; awsCode: string; message: string; details: { queryErrorLocation: { start: number; end: number } } } }).error;
    expect(error).toMatchObject({ code: 'InvalidInput', awsCode: 'MalformedQueryException' });
    expect(error.message).toMatch(/^AWS could not read the query \(at character \d+\): /);
    const { parseInsightsQuery } = await import('../../shared/languages/insights');
    const local = parseInsightsQuery(queryString);
    expect(local.ok).toBe(false);
    expect(error.details.queryErrorLocation.start).toBe(local.ok ? -1 : local.error.start);
  });

  it('says which groups do not exist, and refuses an inverted range before calling AWS', async () => {
    const missing = await subscribe(suite.start(), 'insights.run', { query: { ...range, logGroupNames: ['/no/such/group'], queryString: 'fields @message' } });
    expect(missing.at(-1)).toMatchObject({ type: 'error', error: { code: 'NotFound' } });
    const inverted = await subscribe(suite.start(), 'insights.run', { query: { startTime: NOW, endTime: NOW - 1, logGroupNames: [APP], queryString: 'fields @message' } });
    expect(inverted.at(-1)).toMatchObject({ type: 'error', error: { code: 'InvalidInput', message: expect.stringContaining('start of the range') } });
  });

  it('Stop asks AWS to stop the query, which ends Cancelled with the rows found so far', async () => {
    suite.sandbox.insights.configure({ eventsPerSecond: 2_000 });
    const run = startRun({ startTime: NOW - HOUR, endTime: NOW, logGroupNames: [BULK], queryString: 'fields @message' });
    await expect.poll(() => updates(run.messages).find((update) => update.type === 'status' && update.status === 'Running'), { timeout: 10_000 }).toBeDefined();
    const started = updates(run.messages).find((update) => update.type === 'started') as { queryId: string };
    await expect(ok(call(run.dispatcher, 'insights.stop', { queryId: started.queryId }))).resolves.toEqual({ stopped: true });
    await run.done;
    expect(updates(run.messages).at(-1)).toMatchObject({ type: 'done', status: 'Cancelled' });
    const queries = await ok<QueryInfo[]>(call(run.dispatcher, 'insights.describeQueries', {}));
    expect(queries.find((query) => query.queryId === started.queryId)?.status).toBe('Cancelled');
  });

  it('leaving a running query (unsubscribing) stops it on the server', async () => {
    suite.sandbox.insights.configure({ eventsPerSecond: 2_000 });
    const controller = new AbortController();
    const run = startRun({ startTime: NOW - HOUR, endTime: NOW, logGroupNames: [BULK], queryString: 'fields @message' }, controller.signal);
    await expect.poll(() => updates(run.messages).find((update) => update.type === 'started'), { timeout: 10_000 }).toBeDefined();
    const { queryId } = updates(run.messages).find((update) => update.type === 'started') as { queryId: string };
    controller.abort();
    await run.done;
    await expect
      .poll(async () => (await ok<QueryInfo[]>(call(run.dispatcher, 'insights.describeQueries', {}))).find((query) => query.queryId === queryId)?.status, { timeout: 10_000 })
      .toBe('Cancelled');
  });

  it('waits, and says so, while the account is at its concurrent-query quota, then runs', async () => {
    suite.sandbox.insights.configure({ eventsPerSecond: 5_000, maxConcurrent: 1 });
    const first = startRun({ startTime: NOW - HOUR, endTime: NOW, logGroupNames: [BULK], queryString: 'fields @message' });
    await expect.poll(() => updates(first.messages).find((update) => update.type === 'started'), { timeout: 10_000 }).toBeDefined();
    const secondMessages: StreamMessage[] = [];
    const second = first.dispatcher.subscribe('insights.run', { query: { ...range, logGroupNames: [APP], queryString: 'fields @message' } }, new AbortController().signal, (message) => secondMessages.push(message));
    await expect.poll(() => updates(secondMessages).find((update) => update.type === 'waiting'), { timeout: 10_000 }).toMatchObject({ reason: 'account-quota' });
    const { queryId } = updates(first.messages).find((update) => update.type === 'started') as { queryId: string };
    await ok(call(first.dispatcher, 'insights.stop', { queryId }));
    await second;
    expect(updates(secondMessages).at(-1)).toMatchObject({ type: 'done', status: 'Complete' });
    expect(lastRows(secondMessages)).toHaveLength(5);
    await first.done;
  });
});

describe('insights.fetchAll', () => {
  it('a query capped at 10,000 rows says so, and every row comes by splitting the range, newest first', async () => {
    const dispatcher = suite.start();
    const query = { startTime: NOW - HOUR, endTime: NOW, logGroupNames: [BULK], queryString: 'fields @timestamp, @message | sort @timestamp desc' };
    const capped = await subscribe(dispatcher, 'insights.run', { query });
    expect(updates(capped).at(-1)).toMatchObject({ type: 'done', status: 'Complete', capped: true });
    expect(lastRows(capped)).toHaveLength(10_000);

    const messages = await subscribe(dispatcher, 'insights.fetchAll', { query });
    expect(messages.at(-1)).toEqual({ type: 'complete' });
    const all = valuesOf<FetchAllUpdate>(messages);
    const rows = all.flatMap((update) => (update.type === 'rows' ? update.rows : []));
    expect(rows).toHaveLength(BULK_EVENTS);
    const times = rows.map((row) => row['@timestamp'] ?? '');
    expect(times).toEqual([...times].sort().reverse());
    expect(all.at(-1)).toMatchObject({ type: 'done', rows: BULK_EVENTS, incompleteSeconds: [] });
    expect((all.at(-1) as { queries: number }).queries).toBeGreaterThan(4);
  });
});

describe('insights lookups and query definitions', () => {
  it("lists the groups' fields with their share of events", async () => {
    const fields = await ok<GroupField[]>(call(suite.start(), 'insights.groupFields', { logGroupNames: [APP] }));
    const names = fields.map((field) => field.name);
    expect(names).toEqual(expect.arrayContaining(['@message', '@timestamp']));
    expect(fields.every((field) => field.percent >= 0 && field.percent <= 100)).toBe(true);
  });

  it('saves, lists, replaces and deletes query definitions with their groups', async () => {
    const dispatcher = suite.start();
    const { id } = await ok<{ id: string }>(call(dispatcher, 'insights.putDefinition', { name: 'errors/by route', queryString: 'stats count(*) by route', logGroupNames: [APP] }));
    let listed = await ok<QueryDefinition[]>(call(dispatcher, 'insights.listDefinitions', {}));
    expect(listed.find((definition) => definition.id === id)).toMatchObject({ name: 'errors/by route', queryString: 'stats count(*) by route', logGroupNames: [APP] });
    await ok(call(dispatcher, 'insights.putDefinition', { id, name: 'errors/by route', queryString: 'stats count(*) by route | sort route', logGroupNames: [] }));
    listed = await ok<QueryDefinition[]>(call(dispatcher, 'insights.listDefinitions', {}));
    expect(listed.filter((definition) => definition.id === id)).toEqual([expect.objectContaining({ queryString: 'stats count(*) by route | sort route', logGroupNames: [] })]);
    await ok(call(dispatcher, 'insights.deleteDefinition', { id }));
    listed = await ok<QueryDefinition[]>(call(dispatcher, 'insights.listDefinitions', {}));
    expect(listed.some((definition) => definition.id === id)).toBe(false);
  });
});
