/**
 * What a tail's session is doing — connecting, tailing (with AWS's Live Tail or by polling, and why),
 * renewed, failed, stopped — as a reducer over what `logs.tail` reports, and the sentences that say it.
 * Events do not pass through here: they go to the feed (tailFeed.ts).
 */
import type { TailUpdate } from '../../../../../shared/contract';
import { formatTimestamp, type TimeZoneMode } from '../../../../../shared/format';

export type TailMode = 'live-tail' | 'polling';

export type TailStatus =
  | { readonly kind: 'connecting' }
  | { readonly kind: 'tailing'; readonly mode: TailMode; readonly reason?: string }
  | { readonly kind: 'failed'; readonly error: unknown; readonly at: number }
  /** `byReader`: the reader pressed Stop; otherwise main ended the stream. */
  | { readonly kind: 'stopped'; readonly at: number; readonly byReader: boolean };

export interface Renewal {
  readonly at: number;
  readonly reason: string;
}

export interface TailSessionState {
  readonly status: TailStatus;
  /** How the tail got its events the last time it ran; kept after it stops. */
  readonly mode: TailMode | undefined;
  /** Sessions AWS ended and the API renewed, oldest first. */
  readonly renewals: readonly Renewal[];
}

export type TailAction =
  | { readonly type: 'connect' }
  | { readonly type: 'update'; readonly update: Exclude<TailUpdate, { readonly type: 'events' }> }
  | { readonly type: 'failed'; readonly error: unknown; readonly at: number }
  | { readonly type: 'ended'; readonly at: number }
  | { readonly type: 'stopped'; readonly at: number };

export const INITIAL_TAIL_SESSION: TailSessionState = { status: { kind: 'connecting' }, mode: undefined, renewals: [] };

export function tailSessionReducer(state: TailSessionState, action: TailAction): TailSessionState {
  switch (action.type) {
    case 'connect':
      return { ...state, status: { kind: 'connecting' } };
    case 'update':
      if (action.update.type === 'started') {
        const { mode, reason } = action.update;
        return { ...state, mode, status: reason === undefined ? { kind: 'tailing', mode } : { kind: 'tailing', mode, reason } };
      }
      return { ...state, renewals: [...state.renewals, { at: action.update.at, reason: action.update.reason }] };
    case 'failed':
      return { ...state, status: { kind: 'failed', error: action.error, at: action.at } };
    case 'ended':
    case 'stopped':
      // A stream that already failed or stopped stays as it is.
      if (state.status.kind === 'failed' || state.status.kind === 'stopped') return state;
      return { ...state, status: { kind: 'stopped', at: action.at, byReader: action.type === 'stopped' } };
  }
}

/** The status in a few words, for the panel's bar. */
export function statusTitle(status: TailStatus): string {
  switch (status.kind) {
    case 'connecting':
      return 'Connecting…';
    case 'tailing':
      return status.mode === 'live-tail' ? 'Live Tail' : 'Polling every second';
    case 'failed':
      return 'Tail failed';
    case 'stopped':
      return 'Stopped';
  }
}

/** What the status means for the reader, in a sentence; empty when the title says enough. */
export function statusDetail(status: TailStatus, zone: TimeZoneMode): string {
  switch (status.kind) {
    case 'connecting':
      return '';
    case 'tailing':
      if (status.mode === 'live-tail') return '';
      return status.reason ?? 'This endpoint has no Live Tail, so FilterLogEvents is asked for new events every second.';
    case 'failed':
      return '';
    case 'stopped':
      return status.byReader
        ? `Stopped at ${timeOfDay(status.at, zone)}. Events logged since are not shown here; a search of the time range finds them.`
        : `The tail ended at ${timeOfDay(status.at, zone)}. Start it again to see new events.`;
  }
}

/** The latest renewal, and how many there were: "Session renewed at 13:42:03: AWS ends Live Tail sessions after 3 hours. …". */
export function renewalText(renewals: readonly Renewal[], zone: TimeZoneMode): string {
  const last = renewals[renewals.length - 1];
  if (!last) return '';
  const times = renewals.length === 1 ? '' : ` (renewed ${renewals.length} times so far)`;
  return `Session renewed at ${timeOfDay(last.at, zone)}${times}: ${sentence(last.reason)} A new session took over without losing or repeating an event.`;
}

/** "13:42:03", or "13:42:03 UTC". */
export function timeOfDay(epochMs: number, zone: TimeZoneMode): string {
  return formatTimestamp(epochMs, zone, 'second').slice(11) + (zone === 'utc' ? ' UTC' : '');
}

/** "AWS ends Live Tail sessions after 3 hours" → "AWS ends Live Tail sessions after 3 hours." */
function sentence(text: string): string {
  const trimmed = text.trim();
  const capitalized = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capitalized) ? capitalized : `${capitalized}.`;
}
