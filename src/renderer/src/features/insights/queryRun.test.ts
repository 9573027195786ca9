import { describe, expect, it } from 'vitest';
import { applyUpdate, cancelled, failed, IDLE, isActive, started, statusText } from './queryRun';

const statistics = { recordsMatched: 5, recordsScanned: 100, bytesScanned: 2048 };

describe('query run state', () => {
  it('follows a query from waiting to complete, keeping the latest rows', () => {
    let state = started(1);
    state = applyUpdate(state, { type: 'waiting', reason: 'app-quota', message: 'busy' }, 2);
    expect(state).toMatchObject({ phase: 'waiting', waiting: 'busy', waitingFor: 'app-quota' });
    expect(statusText(state)).toMatch(/Waiting/);
    state = applyUpdate(state, { type: 'started', queryId: 'q1' }, 3);
    expect(state).toMatchObject({ phase: 'running', queryId: 'q1', status: 'Scheduled', waiting: undefined, waitingFor: undefined });
    state = applyUpdate(state, { type: 'status', status: 'Running', statistics }, 4);
    state = applyUpdate(state, { type: 'results', fields: ['a'], rows: [{ a: '1' }] }, 5);
    expect(isActive(state)).toBe(true);
    state = applyUpdate(state, { type: 'results', fields: ['a'], rows: [{ a: '1' }, { a: '2' }] }, 6);
    state = applyUpdate(state, { type: 'done', status: 'Complete', statistics, capped: true }, 7);
    expect(state).toMatchObject({ phase: 'done', status: 'Complete', capped: true, endedAt: 7, rows: [{ a: '1' }, { a: '2' }] });
    expect(isActive(state)).toBe(false);
  });

  it('says which way a query ended: AWS failing or timing out is not the same as the call failing', () => {
    const timedOut = applyUpdate(started(0), { type: 'done', status: 'Timeout', statistics, capped: false }, 1);
    expect(statusText(timedOut)).toMatch(/Timed out/);
    const refused = failed(started(0), { code: 'InvalidInput', message: 'bad', retryable: false }, 1);
    expect(refused).toMatchObject({ phase: 'failed', error: { message: 'bad' } });
    expect(failed(started(0), { code: 'Cancelled', message: 'x', retryable: false }, 1)).toMatchObject({ phase: 'done', status: 'Cancelled' });
    expect(cancelled({ ...IDLE, phase: 'waiting', waiting: 'busy' }, 2)).toMatchObject({ status: 'Cancelled', waiting: undefined });
  });
});
