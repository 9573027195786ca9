import { describe, expect, it } from 'vitest';
import { INITIAL_TAIL_SESSION, renewalText, statusDetail, statusTitle, tailSessionReducer, type TailAction, type TailSessionState } from './tailSession';

const NOON = Date.UTC(2026, 0, 5, 12, 0, 0);

function run(...actions: TailAction[]): TailSessionState {
  return actions.reduce(tailSessionReducer, INITIAL_TAIL_SESSION);
}

describe('tailSessionReducer', () => {
  it('connects, then tails with Live Tail', () => {
    expect(run().status).toEqual({ kind: 'connecting' });
    expect(statusTitle(run().status)).toBe('Connecting…');
    const state = run({ type: 'update', update: { type: 'started', mode: 'live-tail' } });
    expect(state.status).toEqual({ kind: 'tailing', mode: 'live-tail' });
    expect(statusTitle(state.status)).toBe('Live Tail');
    expect(statusDetail(state.status, 'utc')).toBe('');
  });

  it('says why it polls where the endpoint has no Live Tail', () => {
    const reason = 'This endpoint does not offer Live Tail (StartLiveTail answered UnknownOperationException), so new events are fetched every second instead.';
    const state = run({ type: 'update', update: { type: 'started', mode: 'polling', reason } });
    expect(statusTitle(state.status)).toBe('Polling every second');
    expect(statusDetail(state.status, 'utc')).toBe(reason);
    const unexplained = run({ type: 'update', update: { type: 'started', mode: 'polling' } });
    expect(statusDetail(unexplained.status, 'utc')).toBe('This endpoint has no Live Tail, so FilterLogEvents is asked for new events every second.');
  });

  it('keeps every renewal and says the latest in words true to its reason', () => {
    const state = run(
      { type: 'update', update: { type: 'started', mode: 'live-tail' } },
      { type: 'update', update: { type: 'renewed', at: NOON, reason: 'AWS ends Live Tail sessions after 3 hours' } },
    );
    expect(state.status).toEqual({ kind: 'tailing', mode: 'live-tail' });
    expect(renewalText(state.renewals, 'utc')).toBe(
      'Session renewed at 12:00:00 UTC: AWS ends Live Tail sessions after 3 hours. A new session took over without losing or repeating an event.',
    );
    const again = tailSessionReducer(state, { type: 'update', update: { type: 'renewed', at: NOON + 5000, reason: 'the connection to AWS dropped' } });
    expect(renewalText(again.renewals, 'utc')).toBe(
      'Session renewed at 12:00:05 UTC (renewed 2 times so far): The connection to AWS dropped. A new session took over without losing or repeating an event.',
    );
    expect(renewalText([], 'utc')).toBe('');
  });

  it('fails with the error, and a failed tail stays failed when its stream ends', () => {
    const error = { code: 'AccessDenied', message: 'no' };
    const state = run({ type: 'failed', error, at: NOON }, { type: 'ended', at: NOON + 1 }, { type: 'stopped', at: NOON + 2 });
    expect(state.status).toEqual({ kind: 'failed', error, at: NOON });
    expect(statusTitle(state.status)).toBe('Tail failed');
  });

  it('tells a stop by the reader from an end by the API', () => {
    const stopped = run({ type: 'update', update: { type: 'started', mode: 'live-tail' } }, { type: 'stopped', at: NOON });
    expect(stopped.status).toEqual({ kind: 'stopped', at: NOON, byReader: true });
    expect(stopped.mode).toBe('live-tail');
    expect(statusDetail(stopped.status, 'utc')).toBe(
      'Stopped at 12:00:00 UTC. Events logged since are not shown here; a search of the time range finds them.',
    );
    const ended = run({ type: 'ended', at: NOON });
    expect(statusDetail(ended.status, 'utc')).toBe('The tail ended at 12:00:00 UTC. Start it again to see new events.');
  });

  it('connects again after a failure, keeping the renewals', () => {
    const state = run(
      { type: 'update', update: { type: 'renewed', at: NOON, reason: 'x' } },
      { type: 'failed', error: new Error('boom'), at: NOON },
      { type: 'connect' },
    );
    expect(state.status).toEqual({ kind: 'connecting' });
    expect(state.renewals).toHaveLength(1);
  });
});
