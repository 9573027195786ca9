import { EventStreamCodec } from '@smithy/core/event-streams';
import { fromUtf8, toUtf8 } from '@smithy/core/serde';
import { describe, expect, it } from 'vitest';
import { encodeEventStreamMessage, MAX_MESSAGE_BYTES } from './event-stream';

/** AWS's published test vectors (aws-c-event-stream; also in botocore's tests/unit/test_eventstream.py). */
const EMPTY_MESSAGE = Buffer.from('000000100000000005c248eb7d98c8ff', 'hex');
const PAYLOAD_ONE_STR_HEADER = Buffer.concat([
  Buffer.from('0000003d0000002007fd83960c', 'hex'),
  Buffer.from('content-type', 'latin1'),
  Buffer.from('070010', 'hex'),
  Buffer.from("application/json{'foo':'bar'}", 'latin1'),
  Buffer.from('8d9c08b1', 'hex'),
]);

describe('encodeEventStreamMessage', () => {
  it('matches AWS’s test vectors byte for byte', () => {
    expect(encodeEventStreamMessage({}, new Uint8Array()).toString('hex')).toBe(EMPTY_MESSAGE.toString('hex'));
    expect(encodeEventStreamMessage({ 'content-type': 'application/json' }, Buffer.from("{'foo':'bar'}")).toString('hex')).toBe(
      PAYLOAD_ONE_STR_HEADER.toString('hex'),
    );
  });

  it('is read back by the AWS SDK’s decoder: headers in order, UTF-8 intact, checksums valid', () => {
    const payload = Buffer.from(JSON.stringify({ message: 'naïve ünïcode ✓ \u202e' }));
    const encoded = encodeEventStreamMessage(
      { ':message-type': 'event', ':event-type': 'sessionUpdate', ':content-type': 'application/json' },
      payload,
    );
    const decoded = new EventStreamCodec(toUtf8, fromUtf8).decode(encoded);
    expect(Object.keys(decoded.headers)).toEqual([':message-type', ':event-type', ':content-type']);
    expect(decoded.headers[':event-type']).toEqual({ type: 'string', value: 'sessionUpdate' });
    expect(JSON.parse(toUtf8(decoded.body))).toEqual({ message: 'naïve ünïcode ✓ \u202e' });
  });

  it('refuses what the encoding cannot carry', () => {
    expect(() => encodeEventStreamMessage({ '': 'x' }, new Uint8Array())).toThrow(/header name is 1–255 bytes/);
    expect(() => encodeEventStreamMessage({ big: 'x'.repeat(40_000) }, new Uint8Array())).toThrow(/at most 32767 bytes, 'big' is 40000/);
    expect(() => encodeEventStreamMessage({}, new Uint8Array(MAX_MESSAGE_BYTES))).toThrow(/at most 16777216 bytes/);
  });
});
