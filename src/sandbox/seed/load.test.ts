import { describe, expect, it } from 'vitest';
import { LOGS_STORE } from '../services/logs/store';
import { AccountState } from '../state';
import { loadSeed } from './load';

const NOW = Date.UTC(2025, 0, 15, 12);

describe('loadSeed', () => {
  it('creates groups, streams and events per region, with ingestion a little after each event', () => {
    const state = new AccountState('123456789012');
    loadSeed(
      state,
      {
        regions: [
          {
            region: 'eu-west-1',
            logGroups: [
              {
                name: '/aws/lambda/orders',
                creationTime: NOW - 86_400_000,
                retentionInDays: 30,
                logGroupClass: 'INFREQUENT_ACCESS',
                streams: [
                  {
                    name: '2025/01/15/[$LATEST]abc',
                    events: [
                      { timestamp: NOW - 5000, message: 'START' },
                      { timestamp: NOW - 100, message: 'END' },
                    ],
                  },
                  { name: 'empty', events: [] },
                ],
              },
            ],
          },
        ],
      },
      NOW,
    );
    const group = state.region('eu-west-1').store(LOGS_STORE).group('/aws/lambda/orders');
    expect(group).toMatchObject({ retentionInDays: 30, logGroupClass: 'INFREQUENT_ACCESS', storedBytes: 8 });
    expect(state.region('us-east-1').store(LOGS_STORE).groupCount).toBe(0);
    const stream = group?.stream('2025/01/15/[$LATEST]abc');
    expect(stream).toMatchObject({ firstEventTimestamp: NOW - 5000, lastEventTimestamp: NOW - 100, creationTime: NOW - 5000 });
    const first = stream?.events.at(0);
    const last = stream?.events.at(1);
    expect(first?.ingestionTime).toBeGreaterThanOrEqual(NOW - 5000 + 200);
    expect(first?.ingestionTime).toBeLessThan(NOW - 5000 + 1000);
    // Never ingested after "now".
    expect(last?.ingestionTime).toBe(NOW);
    expect(group?.stream('empty')?.creationTime).toBe(NOW - 86_400_000);
  });

  it('loads 10,000 groups quickly', () => {
    const state = new AccountState('123456789012');
    const started = performance.now();
    loadSeed(
      state,
      { regions: [{ region: 'us-east-1', logGroups: Array.from({ length: 10_000 }, (_, i) => ({ name: `/g/${9999 - i}`, creationTime: NOW, streams: [] })) }] },
      NOW,
    );
    expect(performance.now() - started).toBeLessThan(2_000);
    const names = state.region('us-east-1').store(LOGS_STORE).groupNames();
    expect(names).toHaveLength(10_000);
    expect(names[0]).toBe('/g/0');
  });
});
