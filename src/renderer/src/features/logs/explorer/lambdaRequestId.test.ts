import { describe, expect, it } from 'vitest';
import { isLambdaGroup, lambdaRequestId } from './lambdaRequestId';

const ID = '8f5e3a2b-1c4d-4e6f-9a8b-7c6d5e4f3a2b';

describe('lambdaRequestId', () => {
  it.each([
    [`START RequestId: ${ID} Version: $LATEST`],
    [`END RequestId: ${ID}`],
    [`REPORT RequestId: ${ID}\tDuration: 12.34 ms\tBilled Duration: 13 ms`],
    [`2026-11-30T10:00:00.123Z\t${ID}\tINFO\tcharged order 42`],
    [`[ERROR]\t2026-11-30T10:00:00.123Z\t${ID}\tTimeout talking to payments`],
    [`{"timestamp":"2026-11-30T10:00:00.123Z","level":"INFO","requestId":"${ID}","message":"ok"}`],
    [`{"level":"INFO","AWSRequestId":"${ID.toUpperCase()}"}`],
  ])('finds the request id in %s', (line) => {
    expect(lambdaRequestId(line)).toBe(ID);
  });

  it('finds none in other lines', () => {
    expect(lambdaRequestId('GET /orders 200 12ms')).toBeUndefined();
    expect(lambdaRequestId(`user ${ID} logged in`)).toBeUndefined();
  });

  it('knows Lambda log groups by name', () => {
    expect(isLambdaGroup('/aws/lambda/orders-api')).toBe(true);
    expect(isLambdaGroup('/ecs/orders')).toBe(false);
    expect(isLambdaGroup(undefined)).toBe(false);
  });
});
