/**
 * logs.download, files.save* and the group changes through the dispatcher and the real SDK against a
 * sandbox: each downloaded file is read back and checked event by event.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DownloadUpdate, LogGroup, SaveResult, SaveStarted } from '../../shared/contract';
import type { Dispatcher, StreamMessage } from '../../shared/rpc';
import type { Sandbox } from '../../sandbox';
import { call, ok, subscribe, valuesOf } from './dispatcher-testing';
import { sandboxApi } from './sandbox-testing';

const T0 = Date.UTC(2025, 6, 1, 0, 0, 0);
const HOUR = 3_600_000;
const STREAMS = ['alpha', 'beta', 'gamma'];
const PER_STREAM = 8_000;

interface Seeded {
  readonly group: string;
  readonly stream: string;
  readonly timestamp: number;
  readonly ingestionTime: number;
  readonly message: string;
}

const seeded: Seeded[] = [];

/** Messages a CSV or JSON writer can get wrong. */
function messageOf(index: number): string {
  switch (index % 6) {
    case 0:
      return `plain line ${index}`;
    case 1:
      return `with "quotes", commas, and\na second line ${index}`;
    case 2:
      return JSON.stringify({ level: 'info', index, text: 'ünïcödé ✓ \u202e reversed' });
    case 3:
      return `tab\tseparated\t${index}\r\nwith CRLF`;
    case 4:
      return `=HYPERLINK("http://example.com") ${index}`;
    default:
      return `ends with its own newline ${index}\n`;
  }
}

function seed(sandbox: Sandbox): void {
  const logs = sandbox.logs('us-east-1');
  for (const [groupIndex, name] of ['/dl/app', '/dl/other'].entries()) {
    const group = logs.createGroup({ name, creationTime: T0 });
    for (const [streamIndex, streamName] of STREAMS.entries()) {
      const stream = group.createStream(streamName, T0);
      const events: Seeded[] = [];
      const count = groupIndex === 0 ? PER_STREAM : PER_STREAM / 8;
      for (let index = 0; index < count; index++) {
        // Dense at the start of the hour, sparse later; some milliseconds shared by every stream.
        const timestamp = T0 + Math.floor(((index / count) ** 2) * HOUR) - (index % 97 === 0 ? 0 : streamIndex);
        events.push({ group: name, stream: streamName, timestamp, ingestionTime: timestamp + 1000, message: messageOf(index + streamIndex) });
      }
      events.sort((a, b) => a.timestamp - b.timestamp);
      group.ingest(stream, events.map((event) => ({ ...event, size: Buffer.byteLength(event.message) })), (event) => event.timestamp + 1000);
      seeded.push(...events);
    }
  }
  // A few events at the very start of a long range: every later piece of a download is empty.
  const early = logs.createGroup({ name: '/dl/early', creationTime: T0 });
  const stream = early.createStream('only', T0);
  const events: Seeded[] = Array.from({ length: 5 }, (_, index) => ({
    group: '/dl/early',
    stream: 'only',
    timestamp: T0 + index * 1000,
    ingestionTime: T0 + index * 1000 + 1000,
    message: `early ${index}`,
  }));
  early.ingest(stream, events.map((event) => ({ ...event, size: Buffer.byteLength(event.message) })), (event) => event.timestamp + 1000);
  seeded.push(...events);
}

const suite = sandboxApi({}, seed);
const start = () => suite.start();

const RANGE = { startTime: T0, endTime: T0 + HOUR };

function expected(groups: readonly string[], range = RANGE): Seeded[] {
  return seeded.filter((event) => groups.includes(event.group) && event.timestamp >= range.startTime && event.timestamp <= range.endTime);
}

const keyOf = (event: { group?: string; logGroupName?: string; stream?: string; logStreamName?: string; timestamp: number; message: string }) =>
  `${event.group ?? event.logGroupName}|${event.stream ?? event.logStreamName}|${event.timestamp}|${event.message}`;

interface NdjsonEvent {
  timestamp: number;
  time: string;
  logGroupName: string;
  logStreamName: string;
  eventId: string;
  ingestionTime: number;
  message: string;
}

function readNdjson(path: string): NdjsonEvent[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as NdjsonEvent);
}

/** Checks a download holds exactly the expected events, each once, in time order. */
function expectExactly(events: readonly NdjsonEvent[], want: readonly Seeded[]): void {
  expect(events).toHaveLength(want.length);
  expect(new Set(events.map((event) => event.eventId)).size).toBe(want.length);
  expect(events.map(keyOf).sort()).toEqual(want.map(keyOf).sort());
  for (let index = 1; index < events.length; index++) {
    expect((events[index] as NdjsonEvent).timestamp).toBeGreaterThanOrEqual((events[index - 1] as NdjsonEvent).timestamp);
  }
}

function updatesOf(messages: readonly StreamMessage[]): DownloadUpdate[] {
  return valuesOf<DownloadUpdate>(messages);
}

async function download(dispatcher: Dispatcher, request: Record<string, unknown>, signal?: AbortSignal) {
  const messages = await subscribe(dispatcher, 'logs.download', { format: 'ndjson', suggestedName: 'events.ndjson', ...request }, signal);
  return { messages, updates: updatesOf(messages) };
}

describe('logs.download', () => {
  it('writes every event of a range to NDJSON, in time order, with a progress trail and an exact count', async () => {
    const dispatcher = start();
    const { messages, updates } = await download(dispatcher, { selection: { logGroupNames: ['/dl/app'], ...RANGE } });
    expect(messages.at(-1)).toEqual({ type: 'complete' });
    expect(updates[0]).toEqual({ type: 'file', fileName: 'events.ndjson' });
    const want = expected(['/dl/app']);
    const path = join(suite.options.downloadsDir, 'events.ndjson');
    expect(suite.options.saved).toEqual([path]);
    const done = updates.at(-1);
    expect(done).toEqual({ type: 'done', fileName: 'events.ndjson', events: want.length, bytes: readFileSync(path).length });

    const events = readNdjson(path);
    expectExactly(events, want);
    const first = events[0] as NdjsonEvent;
    expect(first.time).toBe(new Date(first.timestamp).toISOString());
    expect(first.ingestionTime).toBe(first.timestamp + 1000);
    expect(first.logGroupName).toBe('/dl/app');
    expect(first.eventId).toMatch(/^\d+$/);

    const progress = updates.flatMap((update) => (update.type === 'progress' ? [update] : []));
    expect(progress.at(-1)).toMatchObject({ events: want.length, fraction: 1, throttled: 0 });
    expect(progress.map((update) => update.events)).toEqual([...progress.map((update) => update.events)].sort((a, b) => a - b));
    // Only the finished file is left in the folder.
    expect(readdirSync(suite.options.downloadsDir)).toEqual(['events.ndjson']);
  });

  it('merges several groups by time, with stream choice and a filter pattern', async () => {
    const dispatcher = start();
    const selection = { logGroupNames: ['/dl/app', '/dl/other'], filterPattern: 'quotes', startTime: T0 + 60_000, endTime: T0 + HOUR - 60_000 };
    const { updates } = await download(dispatcher, { selection });
    expect(updates.at(-1)).toMatchObject({ type: 'done' });
    const want = expected(['/dl/app', '/dl/other'], selection).filter((event) => event.message.includes('quotes'));
    expectExactly(readNdjson(join(suite.options.downloadsDir, 'events.ndjson')), want);

    const { updates: byStream } = await download(dispatcher, {
      selection: { logGroupNames: ['/dl/other'], logStreamNames: ['beta'], ...RANGE },
      suggestedName: 'beta.ndjson',
    });
    expect(byStream.at(-1)).toMatchObject({ type: 'done' });
    expectExactly(readNdjson(join(suite.options.downloadsDir, 'beta.ndjson')), expected(['/dl/other']).filter((event) => event.stream === 'beta'));
  });

  it('finishes when the range goes on long after its last event (the last pieces are empty)', async () => {
    const dispatcher = start();
    const selection = { logGroupNames: ['/dl/early'], startTime: T0, endTime: T0 + 24 * HOUR };
    const { messages, updates } = await download(dispatcher, { selection, suggestedName: 'long.ndjson' });
    expect(messages.at(-1)).toEqual({ type: 'complete' });
    expect(updates.at(-1)).toMatchObject({ type: 'done', events: 5 });
    expectExactly(readNdjson(join(suite.options.downloadsDir, 'long.ndjson')), expected(['/dl/early'], selection));
  });

  it('writes CSV with a header, each message one field however it is quoted or broken', async () => {
    const dispatcher = start();
    const selection = { logGroupNames: ['/dl/app'], startTime: T0, endTime: T0 + 600_000 };
    await download(dispatcher, { selection });
    const reference = readNdjson(join(suite.options.downloadsDir, 'events.ndjson'));
    const { updates } = await download(dispatcher, { selection, format: 'csv', suggestedName: 'events.csv' });
    expect(updates.at(-1)).toMatchObject({ type: 'done', events: reference.length });
    const rows = parseCsv(readFileSync(join(suite.options.downloadsDir, 'events.csv')), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0] ?? {})).toEqual(['timestamp', 'time', 'logGroupName', 'logStreamName', 'eventId', 'ingestionTime', 'message']);
    expect(rows).toHaveLength(reference.length);
    rows.forEach((row, index) => {
      const event = reference[index] as NdjsonEvent;
      expect(row).toEqual({
        timestamp: String(event.timestamp),
        time: event.time,
        logGroupName: event.logGroupName,
        logStreamName: event.logStreamName,
        eventId: event.eventId,
        ingestionTime: String(event.ingestionTime),
        message: event.message,
      });
    });
  });

  it('writes plain text: the messages exactly as logged, one per line', async () => {
    const dispatcher = start();
    const selection = { logGroupNames: ['/dl/app'], startTime: T0, endTime: T0 + 600_000 };
    await download(dispatcher, { selection });
    const reference = readNdjson(join(suite.options.downloadsDir, 'events.ndjson'));
    const { updates } = await download(dispatcher, { selection, format: 'text', suggestedName: 'events.txt' });
    expect(updates.at(-1)).toMatchObject({ type: 'done', events: reference.length });
    const text = readFileSync(join(suite.options.downloadsDir, 'events.txt'), 'utf8');
    expect(text).toBe(reference.map((event) => (event.message.endsWith('\n') ? event.message : `${event.message}\n`)).join(''));
  });

  it('loses and repeats nothing with 30% of calls throttled, and counts the throttled calls', async () => {
    suite.sandbox.setFaults({ throttleRate: 0.3 });
    const dispatcher = start();
    const { updates } = await download(dispatcher, { selection: { logGroupNames: ['/dl/app', '/dl/other'], ...RANGE } });
    const done = updates.at(-1);
    const want = expected(['/dl/app', '/dl/other']);
    expect(done).toMatchObject({ type: 'done', events: want.length });
    expectExactly(readNdjson(join(suite.options.downloadsDir, 'events.ndjson')), want);
    const throttled = Math.max(...updates.map((update) => (update.type === 'progress' ? update.throttled : 0)));
    expect(throttled).toBeGreaterThan(0);
  }, 120_000);

  it('leaves no file behind when cancelled', async () => {
    suite.sandbox.setFaults({ latencyMs: 300 });
    const dispatcher = start();
    const controller = new AbortController();
    const messages: StreamMessage[] = [];
    await dispatcher.subscribe(
      'logs.download',
      { selection: { logGroupNames: ['/dl/app'], ...RANGE }, format: 'ndjson', suggestedName: 'cancelled.ndjson' },
      controller.signal,
      (message) => {
        messages.push(message);
        if (message.type === 'next' && (message.value as DownloadUpdate).type === 'progress') controller.abort();
      },
    );
    expect(updatesOf(messages).some((update) => update.type === 'done')).toBe(false);
    // The temporary file goes once the fetches in flight have stopped.
    await expect.poll(() => readdirSync(suite.options.downloadsDir), { timeout: 5_000 }).toEqual([]);
  });

  it('says in a sentence when the folder cannot be written, and leaves nothing', async () => {
    const dispatcher = start();
    suite.options.answerSaveDialog = () => '/sys/cloudscope-events.ndjson';
    const denied = await download(dispatcher, { selection: { logGroupNames: ['/dl/app'], ...RANGE } });
    expect(denied.messages.at(-1)).toMatchObject({ type: 'error', error: { message: 'Cloudscope is not allowed to write in /sys. Pick another folder.' } });

    const missingFolder = join(suite.options.downloadsDir, 'gone', 'events.ndjson');
    suite.options.answerSaveDialog = () => missingFolder;
    const missing = await download(dispatcher, { selection: { logGroupNames: ['/dl/app'], ...RANGE } });
    expect(missing.messages.at(-1)).toMatchObject({ type: 'error', error: { code: 'InvalidInput', message: expect.stringMatching(/does not exist/) } });
    expect(readdirSync(suite.options.downloadsDir)).toEqual([]);
  });

  it('ends without writing when the save dialog is closed', async () => {
    const dispatcher = start();
    suite.options.answerSaveDialog = () => undefined;
    const { messages, updates } = await download(dispatcher, { selection: { logGroupNames: ['/dl/app'], ...RANGE } });
    expect(updates).toEqual([{ type: 'dismissed' }]);
    expect(messages.at(-1)).toEqual({ type: 'complete' });
  });

  it('replaces a file the user chose to overwrite only once the new one is complete', async () => {
    const dispatcher = start();
    const path = join(suite.options.downloadsDir, 'events.ndjson');
    writeFileSync(path, 'old contents\n');
    const { updates } = await download(dispatcher, { selection: { logGroupNames: ['/dl/other'], ...RANGE } });
    expect(updates.at(-1)).toMatchObject({ type: 'done' });
    expectExactly(readNdjson(path), expected(['/dl/other']));
  });
});

describe('files.saveBegin, saveRows, saveEnd', () => {
  const columns = ['time', 'logStreamName', 'message'];
  const rows = [
    { time: '2025-07-01T00:00:00.000Z', logStreamName: 'a', message: 'first, with "quotes"\nand a line break' },
    { time: '2025-07-01T00:00:01.000Z', logStreamName: 'b', message: 'second', extra: 'not a column' },
    { time: '2025-07-01T00:00:02.000Z', logStreamName: null, message: 'third' },
  ];

  it('writes rows sent in chunks to CSV, and moves the file into place on commit', async () => {
    const dispatcher = start();
    const started = await ok<SaveStarted>(call(dispatcher, 'files.saveBegin', { suggestedName: 'rows.csv', format: 'csv', columns }));
    if (!('saveId' in started)) throw new Error('the dialog was dismissed');
    expect(started.fileName).toBe('rows.csv');
    const path = join(suite.options.downloadsDir, 'rows.csv');
    expect(existsSync(path)).toBe(false);
    expect(await ok(call(dispatcher, 'files.saveRows', { saveId: started.saveId, rows: rows.slice(0, 2) }))).toMatchObject({ rows: 2 });
    expect(await ok(call(dispatcher, 'files.saveRows', { saveId: started.saveId, rows: rows.slice(2) }))).toMatchObject({ rows: 3 });
    const result = await ok<SaveResult>(call(dispatcher, 'files.saveEnd', { saveId: started.saveId, commit: true }));
    expect(result).toEqual({ fileName: 'rows.csv', rows: 3, bytes: readFileSync(path).length });
    expect(parseCsv(readFileSync(path), { columns: true })).toEqual([
      { time: '2025-07-01T00:00:00.000Z', logStreamName: 'a', message: 'first, with "quotes"\nand a line break' },
      { time: '2025-07-01T00:00:01.000Z', logStreamName: 'b', message: 'second' },
      { time: '2025-07-01T00:00:02.000Z', logStreamName: '', message: 'third' },
    ]);
    expect(readdirSync(suite.options.downloadsDir)).toEqual(['rows.csv']);
    // The save is over: more rows are refused.
    expect(await call(dispatcher, 'files.saveRows', { saveId: started.saveId, rows })).toMatchObject({ ok: false, error: { code: 'NotFound' } });
  });

  it('writes NDJSON objects with the columns in order, and text as the message column', async () => {
    const dispatcher = start();
    for (const [format, name] of [['ndjson', 'rows.ndjson'], ['text', 'rows.txt']] as const) {
      const started = await ok<SaveStarted>(call(dispatcher, 'files.saveBegin', { suggestedName: name, format, columns }));
      if (!('saveId' in started)) throw new Error('the dialog was dismissed');
      await ok(call(dispatcher, 'files.saveRows', { saveId: started.saveId, rows }));
      await ok(call(dispatcher, 'files.saveEnd', { saveId: started.saveId, commit: true }));
    }
    expect(readFileSync(join(suite.options.downloadsDir, 'rows.ndjson'), 'utf8')).toBe(
      rows.map((row) => JSON.stringify({ time: row.time, logStreamName: row.logStreamName, message: row.message }) + '\n').join(''),
    );
    expect(readFileSync(join(suite.options.downloadsDir, 'rows.txt'), 'utf8')).toBe('first, with "quotes"\nand a line break\nsecond\nthird\n');
  });

  it('removes the temporary file when the save is abandoned, and says when the dialog was closed', async () => {
    const dispatcher = start();
    const started = await ok<SaveStarted>(call(dispatcher, 'files.saveBegin', { suggestedName: 'rows.csv', format: 'csv', columns }));
    if (!('saveId' in started)) throw new Error('the dialog was dismissed');
    await ok(call(dispatcher, 'files.saveRows', { saveId: started.saveId, rows }));
    expect(readdirSync(suite.options.downloadsDir)).toHaveLength(1);
    expect(await ok(call(dispatcher, 'files.saveEnd', { saveId: started.saveId, commit: false }))).toBeNull();
    expect(readdirSync(suite.options.downloadsDir)).toEqual([]);

    suite.options.answerSaveDialog = () => undefined;
    expect(await ok(call(dispatcher, 'files.saveBegin', { suggestedName: 'rows.csv', format: 'csv', columns }))).toEqual({ dismissed: true });
  });
});

describe('group changes', () => {
  it('creates a group with retention, changes and removes its retention, and deletes it', async () => {
    const dispatcher = start();
    const created = await ok<LogGroup>(call(dispatcher, 'logs.createGroup', { logGroupName: '/made/by-test', retentionInDays: 14 }));
    expect(created).toMatchObject({ name: '/made/by-test', retentionInDays: 14, logGroupClass: 'STANDARD', arn: expect.stringContaining(':log-group:/made/by-test') });
    expect(await ok(call(dispatcher, 'logs.setRetention', { logGroupName: '/made/by-test', retentionInDays: 365 }))).toMatchObject({ retentionInDays: 365 });
    expect(await ok(call(dispatcher, 'logs.setRetention', { logGroupName: '/made/by-test', retentionInDays: null }))).toMatchObject({ retentionInDays: null });
    expect(await ok(call(dispatcher, 'logs.describeGroup', { logGroupName: '/made/by-test' }))).toMatchObject({ retentionInDays: null });
    await ok(call(dispatcher, 'logs.deleteGroup', { logGroupName: '/made/by-test' }));
    expect(await call(dispatcher, 'logs.describeGroup', { logGroupName: '/made/by-test' })).toMatchObject({ ok: false, error: { code: 'NotFound' } });
  });

  it('tells a group from one whose name it starts', async () => {
    const dispatcher = start();
    expect(await call(dispatcher, 'logs.describeGroup', { logGroupName: '/dl/ap' })).toMatchObject({ ok: false, error: { code: 'NotFound' } });
    expect(await ok(call(dispatcher, 'logs.describeGroup', { logGroupName: '/dl/app' }))).toMatchObject({ name: '/dl/app' });
  });

  it('maps AWS’s refusals: an existing name, a missing group, a retention AWS does not offer, a reserved name', async () => {
    const dispatcher = start();
    expect(await call(dispatcher, 'logs.createGroup', { logGroupName: '/dl/app' })).toMatchObject({
      ok: false,
      error: { code: 'AlreadyExists', awsCode: 'ResourceAlreadyExistsException' },
    });
    expect(await call(dispatcher, 'logs.deleteGroup', { logGroupName: '/does/not/exist' })).toMatchObject({
      ok: false,
      error: { code: 'NotFound', awsCode: 'ResourceNotFoundException' },
    });
    expect(await call(dispatcher, 'logs.setRetention', { logGroupName: '/does/not/exist', retentionInDays: 7 })).toMatchObject({
      ok: false,
      error: { code: 'NotFound' },
    });
    const odd = await call(dispatcher, 'logs.setRetention', { logGroupName: '/dl/app', retentionInDays: 2 });
    expect(odd).toMatchObject({ ok: false, error: { code: 'InvalidInput', message: expect.stringMatching(/retentionInDays.*retention periods/) } });
    expect(await call(dispatcher, 'logs.createGroup', { logGroupName: 'aws/mine' })).toMatchObject({ ok: false, error: { code: 'InvalidInput' } });
  });
});
