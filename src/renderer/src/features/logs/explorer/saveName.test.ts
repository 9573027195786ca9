import { describe, expect, it } from 'vitest';
import { FileName } from '../../../../../shared/contract/primitives';
import { streamSaveName } from './saveName';

describe('streamSaveName', () => {
  it('names a Lambda stream by its function and stream, without folders', () => {
    expect(streamSaveName('/aws/lambda/orders-api', '2026/11/30/[$LATEST]0a1b')).toBe('orders-api 2026_11_30_[$LATEST]0a1b');
    expect(streamSaveName('/aws/lambda/orders-api', 'x', 'request 1234')).toBe('orders-api x request 1234');
  });

  it('always gives a name the save dialog accepts', () => {
    for (const [group, stream] of [
      ['/', '..'],
      ['app', 'a:b*c?"d"<e>|f\\g\u0001'],
      ['/x', 's'.repeat(600)],
    ] as const) {
      const name = streamSaveName(group, stream);
      expect(FileName.safeParse(`${name}.ndjson`).success, name).toBe(true);
      expect(name.length).toBeLessThanOrEqual(200);
    }
    expect(streamSaveName('/', '..')).toBe('events');
  });
});
