/** main/api/trail against the sandbox through the real CloudTrail client: event history and trails. */
import { describe, expect, it } from 'vitest';
import type { LookupUpdate, Trail, TrailEvent } from '../../shared/contract';
import { call, ok, subscribe, valuesOf } from './dispatcher-testing';
import { sandboxApi } from './sandbox-testing';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const suite = sandboxApi({ seed: 'demo' });

function eventsOf(updates: readonly LookupUpdate[]): TrailEvent[] {
  return updates.flatMap((update) => (update.type === 'events' ? update.events : []));
}

describe('trail.lookup', () => {
  it('reads the demo history newest first, by one attribute, with the record’s fields read out', async () => {
    const dispatcher = suite.start();
    const now = Date.now();
    const updates = valuesOf<LookupUpdate>(
      await subscribe(dispatcher, 'trail.lookup', {
        lookup: { attribute: { key: 'EventName', value: 'UpdateService' }, startTime: now - 7 * DAY, endTime: now },
      }),
    );
    expect(updates[0]).toEqual({ type: 'started', sent: { key: 'EventName', value: 'UpdateService' }, appliedLocally: [] });
    expect(updates.at(-1)).toEqual({ type: 'end' });
    const events = eventsOf(updates);
    expect(events.length).toBeGreaterThan(1);
    expect(events.every((event) => event.eventName === 'UpdateService')).toBe(true);
    expect(events.map((event) => event.eventTime)).toEqual([...events.map((event) => event.eventTime)].sort((a, b) => b - a));
    const release = events.find((event) => JSON.parse(event.record).requestParameters.taskDefinition === 'orders-service:141');
    expect(release).toMatchObject({ eventSource: 'ecs.amazonaws.com', region: 'us-east-1', identityType: 'AssumedRole', readOnly: false, sourceIPAddress: '20.42.115.38' });
    expect(release?.resources).toContainEqual({ type: 'AWS::ECS::Service', name: 'arn:aws:ecs:us-east-1:318264950271:service/tallybird-prod/orders-service' });
  });

  it('applies the other attributes itself and says so', async () => {
    const dispatcher = suite.start();
    const now = Date.now();
    const updates = valuesOf<LookupUpdate>(
      await subscribe(dispatcher, 'trail.lookup', {
        lookup: {
          attribute: { key: 'Username', value: 'marco.bianchi' },
          localAttributes: [{ key: 'ReadOnly', value: 'false' }],
          startTime: now - 89 * DAY,
          endTime: now,
        },
      }),
    );
    expect(updates[0]).toMatchObject({ sent: { key: 'Username', value: 'marco.bianchi' }, appliedLocally: [{ key: 'ReadOnly', value: 'false' }] });
    const events = eventsOf(updates);
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((event) => event.username === 'marco.bianchi' && event.readOnly === false)).toBe(true);
    // His writes: console sign-ins, and retention changes his read-only role may not make.
    expect(new Set(events.map((event) => `${event.eventName} ${event.errorCode ?? ''}`))).toEqual(new Set(['ConsoleLogin ', 'PutRetentionPolicy AccessDenied']));
    const progress = updates.filter((update) => update.type === 'progress').at(-1);
    expect(progress).toMatchObject({ matched: events.length });
    expect(progress?.type === 'progress' && progress.scanned).toBeGreaterThan(events.length);
  });

  it('stops after maxEvents at a page boundary with a cursor that reads on without a gap', async () => {
    const dispatcher = suite.start();
    const now = Date.now();
    const lookup = { startTime: now - 2 * DAY, endTime: now };
    const first = valuesOf<LookupUpdate>(await subscribe(dispatcher, 'trail.lookup', { lookup, maxEvents: 60 }));
    const end = first.at(-1);
    expect(end).toMatchObject({ type: 'end', cutOff: 'maxEvents' });
    const firstEvents = eventsOf(first);
    expect(firstEvents).toHaveLength(100);
    const cursor = end?.type === 'end' ? end.cursor : undefined;
    const next = eventsOf(valuesOf<LookupUpdate>(await subscribe(dispatcher, 'trail.lookup', { lookup, maxEvents: 50, cursor })));
    const all = eventsOf(valuesOf<LookupUpdate>(await subscribe(dispatcher, 'trail.lookup', { lookup, maxEvents: 150 })));
    expect([...firstEvents, ...next].map((event) => event.eventId)).toEqual(all.map((event) => event.eventId));
  });

  it('refuses more than 90 days, and a ReadOnly that is not true or false, before calling AWS', async () => {
    const dispatcher = suite.start();
    const now = Date.now();
    const long = await subscribe(dispatcher, 'trail.lookup', { lookup: { startTime: now - 91 * DAY, endTime: now } });
    expect(long.at(-1)).toMatchObject({ type: 'error', error: { code: 'InvalidInput' } });
    const readOnly = await subscribe(dispatcher, 'trail.lookup', { lookup: { attribute: { key: 'ReadOnly', value: 'yes' }, startTime: now - DAY, endTime: now } });
    expect(readOnly.at(-1)).toMatchObject({ type: 'error', error: { code: 'InvalidInput' } });
  });

  it('finds one’s own change: a retention set through the API is in event history at once, by resource name', async () => {
    const dispatcher = suite.start();
    await ok(call(dispatcher, 'connections.select', { connectionId: 'demo', region: 'us-west-1' }));
    const name = `/trail-test/retention-${Date.now()}`;
    await ok(call(dispatcher, 'logs.createGroup', { logGroupName: name }));
    await ok(call(dispatcher, 'logs.setRetention', { logGroupName: name, retentionInDays: 14 }));
    const now = Date.now();
    const events = eventsOf(
      valuesOf<LookupUpdate>(await subscribe(dispatcher, 'trail.lookup', { lookup: { attribute: { key: 'ResourceName', value: name }, startTime: now - HOUR, endTime: now + 1000 } })),
    );
    expect(events.map((event) => event.eventName)).toEqual(['PutRetentionPolicy', 'CreateLogGroup']);
    expect(events[0]).toMatchObject({ region: 'us-west-1', username: 'sandbox', identityType: 'IAMUser', resources: [{ type: 'AWS::Logs::LogGroup', name }] });
    expect(JSON.parse(events[0]?.record ?? '{}').requestParameters).toEqual({ logGroupName: name, retentionInDays: 14 });
  });

  it('finds one’s own denied change, recorded with AWS’s error code and message', async () => {
    const dispatcher = suite.start();
    await ok(call(dispatcher, 'connections.select', { connectionId: 'demo', region: 'us-west-1' }));
    const name = `/trail-test/denied-${Date.now()}`;
    await ok(call(dispatcher, 'logs.createGroup', { logGroupName: name }));
    suite.sandbox.identity.deny('DEMOACCESSKEY', 'logs:PutRetentionPolicy');
    try {
      const refused = await call(dispatcher, 'logs.setRetention', { logGroupName: name, retentionInDays: 14 });
      expect(refused).toMatchObject({ ok: false });
    } finally {
      suite.sandbox.identity.reset();
    }
    const now = Date.now();
    const events = eventsOf(
      valuesOf<LookupUpdate>(await subscribe(dispatcher, 'trail.lookup', { lookup: { attribute: { key: 'ResourceName', value: name }, startTime: now - HOUR, endTime: now + 1000 } })),
    );
    expect(events.map((event) => `${event.eventName} ${event.errorCode ?? ''}`)).toEqual(['PutRetentionPolicy AccessDeniedException', 'CreateLogGroup ']);
    expect(events[0]).toMatchObject({ username: 'sandbox', identityType: 'IAMUser', readOnly: false });
    expect(JSON.parse(events[0]?.record ?? '{}')).toMatchObject({
      errorMessage: expect.stringContaining('is not authorized to perform: logs:PutRetentionPolicy'),
      responseElements: null,
    });
  });
});

describe('trail.trails', () => {
  it('lists the multi-region trail with its status, also where it is a shadow trail', async () => {
    const dispatcher = suite.start();
    await ok(call(dispatcher, 'connections.select', { connectionId: 'demo', region: 'eu-west-1' }));
    const trails = await ok<Trail[]>(call(dispatcher, 'trail.trails', {}));
    expect(trails).toMatchObject([
      {
        name: 'tallybird-management-events',
        homeRegion: 'us-east-1',
        isMultiRegion: true,
        logFileValidation: true,
        s3BucketName: 'aws-cloudtrail-logs-318264950271-6f1c2d9e',
        status: { isLogging: true },
      },
    ]);
    expect(trails[0]?.status?.latestDeliveryTime).toBeGreaterThan(Date.now() - 10 * 60_000);
  });
});
