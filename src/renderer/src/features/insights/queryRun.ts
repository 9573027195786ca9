/**
 * One run of a query as the tab shows it, built from the updates `insights.run` sends: waiting for a
 * slot, AWS's status with its statistics, the rows so far, and how it ended.
 */
import type { QueryRow, QueryStatistics, QueryStatus, QueryUpdate } from '../../../../shared/contract';
import type { ApiError } from '../../../../shared/errors';

export type RunPhase = 'idle' | 'waiting' | 'running' | 'stopping' | 'done' | 'failed';

export interface RunState {
  readonly phase: RunPhase;
  /** Why the query waits (the concurrency quota), while it does. */
  readonly waiting?: string;
  /** Whose quota it waits for: the app's own queries, or the account's (other tools' queries too). */
  readonly waitingFor?: 'app-quota' | 'account-quota';
  readonly queryId?: string;
  readonly status?: QueryStatus;
  readonly statistics?: QueryStatistics;
  readonly fields: readonly string[];
  readonly rows: readonly QueryRow[];
  /** The query returned as many rows as a query can (10,000): there may be more. */
  readonly capped: boolean;
  readonly error?: ApiError;
  /** When the run began and ended (epoch ms). */
  readonly startedAt?: number;
  readonly endedAt?: number;
}

export const IDLE: RunState = { phase: 'idle', fields: [], rows: [], capped: false };

export function started(now: number): RunState {
  return { ...IDLE, phase: 'running', startedAt: now };
}

export function applyUpdate(state: RunState, update: QueryUpdate, now: number): RunState {
  switch (update.type) {
    case 'waiting':
      return { ...state, phase: 'waiting', waiting: update.message, waitingFor: update.reason };
    case 'started':
      return { ...state, phase: state.phase === 'stopping' ? 'stopping' : 'running', waiting: undefined, waitingFor: undefined, queryId: update.queryId, status: 'Scheduled' };
    case 'status':
      return { ...state, status: update.status, statistics: update.statistics };
    case 'results':
      return { ...state, fields: update.fields, rows: update.rows };
    case 'done':
      return { ...state, phase: 'done', status: update.status, statistics: update.statistics, capped: update.capped, endedAt: now };
  }
}

export function failed(state: RunState, error: ApiError, now: number): RunState {
  if (error.code === 'Cancelled') return cancelled(state, now);
  return { ...state, phase: 'failed', error, endedAt: now, waiting: undefined, waitingFor: undefined };
}

/** Stopped before AWS answered with a final status (e.g. while waiting for a slot). */
export function cancelled(state: RunState, now: number): RunState {
  return { ...state, phase: 'done', status: 'Cancelled', endedAt: now, waiting: undefined, waitingFor: undefined };
}

export function isActive(state: RunState): boolean {
  return state.phase === 'waiting' || state.phase === 'running' || state.phase === 'stopping';
}

/** The words for a status, as the console says them, with what they mean for the rows shown. */
export function statusText(state: RunState): string {
  if (state.phase === 'waiting') return 'Waiting for a free query slot';
  if (state.phase === 'stopping') return 'Stopping…';
  if (state.phase === 'failed') return 'Failed';
  switch (state.status) {
    case undefined:
      return state.phase === 'running' ? 'Starting…' : '';
    case 'Scheduled':
      return 'Scheduled';
    case 'Running':
      return 'Running';
    case 'Complete':
      return 'Complete';
    case 'Failed':
      return 'Failed: AWS could not finish the query';
    case 'Cancelled':
      return 'Cancelled';
    case 'Timeout':
      return 'Timed out: AWS stops queries after 60 minutes; query a shorter range or fewer groups';
    case 'Unknown':
      return 'Unknown: AWS no longer knows this query';
  }
}
