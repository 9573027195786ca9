import { describe, expect, it } from 'vitest';
import { FaultInjector } from './faults';
import { CLOUDWATCH_LOGS_DEFAULT_TPS, defaultTpsQuota } from '../shared/quotas';
import { defaultQuotasOf, SERVICES } from './services/registry';

const QUOTAS = defaultQuotasOf(SERVICES);

const describeGroups = { service: 'logs', operation: 'DescribeLogGroups', region: 'us-east-1' };

function burst(faults: FaultInjector, key = describeGroups, count = 100): number {
  let throttled = 0;
  for (let i = 0; i < count; i++) if (faults.shouldThrottle(key)) throttled++;
  return throttled;
}

describe('FaultInjector', () => {
  it('throttles nothing by default', () => {
    expect(burst(new FaultInjector({}, () => 0, QUOTAS))).toBe(0);
  });

  it('enforces AWS’s default TPS per region and operation with quotas: aws', () => {
    let now = 0;
    const faults = new FaultInjector({ quotas: 'aws' }, () => now, QUOTAS);
    expect(burst(faults)).toBe(100 - 10); // DescribeLogGroups: 10 TPS
    expect(burst(faults, { ...describeGroups, region: 'eu-west-1' })).toBe(90); // separate bucket per region
    expect(burst(faults, { ...describeGroups, operation: 'CreateLogStream' })).toBe(50); // 50 TPS
    expect(burst(faults, { ...describeGroups, operation: 'GetCallerIdentity', service: 'sts' })).toBe(0); // no documented quota
    now += 1000;
    expect(burst(faults)).toBe(90);
  });

  it('lets single operations be overridden or switched off', () => {
    const faults = new FaultInjector({ quotas: { 'logs:DescribeLogGroups': 2, 'logs:GetLogEvents': 'off' } }, () => 0, QUOTAS);
    expect(burst(faults)).toBe(98);
    expect(burst(faults, { ...describeGroups, operation: 'GetLogEvents' })).toBe(0);
    expect(burst(faults, { ...describeGroups, operation: 'DescribeLogStreams' })).toBe(100 - 25);
    expect(faults.quotaFor({ ...describeGroups, operation: 'FilterLogEvents' })).toBe(25); // us-east-1
  });

  it('throttles at random with throttleRate, and not at all after setFaults clears it', () => {
    const values = [0.05, 0.5, 0.09, 0.95];
    let next = 0;
    const faults = new FaultInjector({ throttleRate: 0.1 }, () => 0, QUOTAS, () => values[next++ % values.length] as number);
    expect([0, 1, 2, 3].map(() => faults.shouldThrottle(describeGroups))).toEqual([true, false, true, false]);
    faults.set({});
    expect(burst(faults)).toBe(0);
    faults.set({ throttleRate: 1 });
    expect(burst(faults)).toBe(100);
  });

  it('adds latency with jitter', () => {
    const faults = new FaultInjector({ latencyMs: 100, latencyJitterMs: 50 }, () => 0, QUOTAS, () => 0.5);
    expect(faults.delayMs()).toBe(125);
    expect(new FaultInjector({}, () => 0, QUOTAS).delayMs()).toBe(0);
  });

  it('rejects nonsense options', () => {
    expect(() => new FaultInjector({ throttleRate: 2 }, () => 0, QUOTAS)).toThrow(RangeError);
    expect(() => new FaultInjector({ latencyMs: -1 }, () => 0, QUOTAS)).toThrow(RangeError);
    expect(() => new FaultInjector({ quotas: { DescribeLogGroups: 5 } }, () => 0, QUOTAS)).toThrow(/logs:GetLogEvents/);
    expect(() => new FaultInjector({ quotas: { 'logs:DescribeLogGroups': 0 } }, () => 0, QUOTAS)).toThrow(RangeError);
  });
});

describe('default quotas', () => {
  it('are AWS’s documented CloudWatch Logs TPS quotas, with regional differences', () => {
    expect(defaultTpsQuota('logs', 'PutLogEvents', 'us-east-1')).toBe(5000);
    expect(defaultTpsQuota('logs', 'DescribeLogStreams', 'us-east-1')).toBe(25);
    expect(defaultTpsQuota('logs', 'FilterLogEvents', 'us-east-1')).toBe(25);
    expect(defaultTpsQuota('logs', 'FilterLogEvents', 'eu-central-1')).toBe(5);
    expect(defaultTpsQuota('logs', 'FilterLogEvents', 'us-west-2')).toBe(10);
    expect(defaultTpsQuota('logs', 'GetLogEvents', 'us-east-1')).toBe(25);
    expect(defaultTpsQuota('logs', 'GetLogEvents', 'eu-west-3')).toBe(30);
    expect(defaultTpsQuota('logs', 'GetLogEvents', 'eu-west-1')).toBe(10);
    expect(defaultTpsQuota('logs', 'Nope', 'us-east-1')).toBeUndefined();
    expect(CLOUDWATCH_LOGS_DEFAULT_TPS.PutRetentionPolicy?.default).toBe(5);
  });
});
