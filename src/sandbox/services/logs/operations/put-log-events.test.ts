import { describe, expect, it } from 'vitest';
import { LogsHarness } from '../test-harness';
import { getLogEvents } from './get-log-events';
import { putLogEvents } from './put-log-events';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

function ready(retentionInDays?: number): LogsHarness {
  const aws = new LogsHarness();
  const group = aws.logs.createGroup({ name: 'g', creationTime: aws.now, ...(retentionInDays ? { retentionInDays } : {}) });
  group.createStream('s', aws.now);
  return aws;
}

function put(aws: LogsHarness, logEvents: readonly { timestamp: number; message: string }[]) {
  return aws.call(putLogEvents, { logGroupName: 'g', logStreamName: 's', logEvents });
}

function stored(aws: LogsHarness): string[] {
  return aws
    .call(getLogEvents, { logGroupName: 'g', logStreamName: 's', startFromHead: true })
    .events.map((event: { message: string }) => event.message);
}

describe('PutLogEvents', () => {
  it('stores a batch with the ingestion time of the call', () => {
    const aws = ready();
    const result = put(aws, [
      { timestamp: aws.now - 2000, message: 'one' },
      { timestamp: aws.now - 1000, message: 'two' },
    ]);
    expect(result).toEqual({ nextSequenceToken: expect.stringMatching(/^\d{56}$/) });
    const events = aws.call(getLogEvents, { logGroupName: 'g', logStreamName: 's', startFromHead: true }).events;
    expect(events).toEqual([
      { timestamp: aws.now - 2000, message: 'one', ingestionTime: aws.now },
      { timestamp: aws.now - 1000, message: 'two', ingestionTime: aws.now },
    ]);
    expect(aws.logs.group('g')?.storedBytes).toBe(6);
  });

  it('keeps the stream sorted when batches arrive out of order', () => {
    const aws = ready();
    put(aws, [{ timestamp: aws.now - 1000, message: 'late' }]);
    put(aws, [{ timestamp: aws.now - 3000, message: 'early' }, { timestamp: aws.now, message: 'now' }]);
    expect(stored(aws)).toEqual(['early', 'late', 'now']);
  });

  it('rejects too-old and too-new events but accepts the rest', () => {
    const aws = ready();
    const old = put(aws, [
      { timestamp: aws.now - 15 * DAY, message: 'too old' },
      { timestamp: aws.now - 14 * DAY - 1, message: 'just too old' },
      { timestamp: aws.now - 14 * DAY, message: 'oldest accepted' },
    ]);
    expect(old.rejectedLogEventsInfo).toEqual({ tooOldLogEventEndIndex: 2 });
    const future = put(aws, [
      { timestamp: aws.now + 2 * HOUR, message: 'newest accepted' },
      { timestamp: aws.now + 2 * HOUR + 1, message: 'too new' },
      { timestamp: aws.now + 3 * HOUR, message: 'way too new' },
    ]);
    expect(future.rejectedLogEventsInfo).toEqual({ tooNewLogEventStartIndex: 1 });
    expect(stored(aws)).toEqual(['oldest accepted', 'newest accepted']);
  });

  it('reports both ends of one batch', () => {
    const aws = ready();
    const result = put(aws, [
      { timestamp: aws.now - 15 * DAY, message: 'too old' },
      { timestamp: aws.now, message: 'fine' },
      { timestamp: aws.now + 3 * HOUR, message: 'too new' },
    ]);
    expect(result.rejectedLogEventsInfo).toEqual({ tooOldLogEventEndIndex: 1, tooNewLogEventStartIndex: 2 });
    expect(stored(aws)).toEqual(['fine']);
  });

  it('rejects events older than the group’s retention as expired', () => {
    const aws = ready(1);
    const result = put(aws, [
      { timestamp: aws.now - 2 * DAY, message: 'expired' },
      { timestamp: aws.now - HOUR, message: 'kept' },
    ]);
    expect(result.rejectedLogEventsInfo).toEqual({ expiredLogEventEndIndex: 1 });
    expect(stored(aws)).toEqual(['kept']);
  });

  it('fails a batch out of chronological order', () => {
    const aws = ready();
    expect(aws.fail(putLogEvents, { logGroupName: 'g', logStreamName: 's', logEvents: [{ timestamp: aws.now, message: 'b' }, { timestamp: aws.now - 1, message: 'a' }] })).toMatchObject({
      code: 'InvalidParameterException',
      message: 'Log events in a single PutLogEvents request must be in chronological order.',
    });
    expect(stored(aws)).toEqual([]);
  });

  it('fails a batch whose acceptable events span more than 24 hours', () => {
    const aws = ready();
    const span = (ms: number) => [
      { timestamp: aws.now - ms, message: 'first' },
      { timestamp: aws.now, message: 'last' },
    ];
    expect(aws.fail(putLogEvents, { logGroupName: 'g', logStreamName: 's', logEvents: span(DAY + 1) }).message).toBe(
      'The batch of log events in a single PutLogEvents request cannot span more than 24 hours.',
    );
    expect(put(aws, span(DAY))).not.toHaveProperty('rejectedLogEventsInfo');
    // A too-old event does not count towards the span.
    const withOld = [{ timestamp: aws.now - 20 * DAY, message: 'old' }, ...span(HOUR)];
    expect(put(aws, withOld).rejectedLogEventsInfo).toEqual({ tooOldLogEventEndIndex: 1 });
  });

  it('counts 26 bytes per event towards the 1,048,576-byte batch limit and caps single events at 1 MB', () => {
    const aws = ready();
    const message = 'x'.repeat(1000);
    // 1,000 events of 1,000 + 26 bytes = 1,026,000 bytes: fits. 1,023 of them = 1,049,598: too large.
    expect(put(aws, Array.from({ length: 1000 }, () => ({ timestamp: aws.now, message })))).toHaveProperty('nextSequenceToken');
    expect(
      aws.fail(putLogEvents, { logGroupName: 'g', logStreamName: 's', logEvents: Array.from({ length: 1023 }, () => ({ timestamp: aws.now, message })) })
        .message,
    ).toBe('Upload too large: 1049598 bytes exceeds limit of 1048576');
    expect(put(aws, [{ timestamp: aws.now, message: 'y'.repeat(1_048_550) }])).toHaveProperty('nextSequenceToken');
    expect(aws.fail(putLogEvents, { logGroupName: 'g', logStreamName: 's', logEvents: [{ timestamp: aws.now, message: 'y'.repeat(1_048_551) }] }).message).toBe(
      'Log event too large: 1048577 bytes exceeds limit of 1048576',
    );
    // UTF-8 bytes, not characters, count.
    expect(aws.fail(putLogEvents, { logGroupName: 'g', logStreamName: 's', logEvents: [{ timestamp: aws.now, message: 'é'.repeat(524_276) }] }).message).toBe(
      'Log event too large: 1048578 bytes exceeds limit of 1048576',
    );
  });

  it('validates the batch shape and count', () => {
    const aws = ready();
    expect(aws.fail(putLogEvents, { logGroupName: 'g', logStreamName: 's', logEvents: [] }).message).toBe(
      "1 validation error detected: Value '[]' at 'logEvents' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
    const tooMany = Array.from({ length: 10_001 }, () => ({ timestamp: aws.now, message: 'm' }));
    expect(aws.fail(putLogEvents, { logGroupName: 'g', logStreamName: 's', logEvents: tooMany }).message).toContain(
      'Member must have length less than or equal to 10000',
    );
    expect(aws.fail(putLogEvents, { logGroupName: 'g', logStreamName: 's', logEvents: [{ timestamp: -1, message: '' }] }).message).toBe(
      '2 validation errors detected: ' +
        "Value '-1' at 'logEvents.1.member.timestamp' failed to satisfy constraint: Member must have value greater than or equal to 0; " +
        "Value '' at 'logEvents.1.member.message' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
    expect(aws.fail(putLogEvents, { logGroupName: 'g', logStreamName: 's' }).message).toContain("Value null at 'logEvents'");
  });

  it('reports a missing group or stream', () => {
    const aws = ready();
    const logEvents = [{ timestamp: aws.now, message: 'm' }];
    expect(aws.fail(putLogEvents, { logGroupName: 'nope', logStreamName: 's', logEvents })).toMatchObject({
      code: 'ResourceNotFoundException',
      message: 'The specified log group does not exist.',
    });
    expect(aws.fail(putLogEvents, { logGroupName: 'g', logStreamName: 'nope', logEvents })).toMatchObject({
      code: 'ResourceNotFoundException',
      message: 'The specified log stream does not exist.',
    });
  });

  it('ignores the sequence token', () => {
    const aws = ready();
    const result = aws.call(putLogEvents, { logGroupName: 'g', logStreamName: 's', sequenceToken: 'whatever', logEvents: [{ timestamp: aws.now, message: 'm' }] });
    expect(result).toHaveProperty('nextSequenceToken');
  });
});
