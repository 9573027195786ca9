/**
 * Where a regex matches in a text, for highlighting: every leftmost-longest match, each searched for
 * after the end of the one before, in time linear in the text however many matches there are.
 *
 * Finding where the leftmost match *ends* is what can go quadratic: from a start, a forward run cannot
 * tell a dead end from a longer match without reading on, and reading on past the match's end, then
 * again from the next start, re-reads the same text. So a first pass runs backward over the text and
 * records, for every position, which NFA states can still reach a match from there ("live" states).
 * The forward runs then stop exactly where no live state is left — at the end of the longest match —
 * so together they read each character once. Both passes use lazily built DFAs, as RegexSearcher does.
 */
import { contains } from './regex-charset';
import { NfaWalk } from './regex-closure';
import type { Nfa } from './regex-nfa';

/** The NFA's accepting state is always state 0 (see regex-nfa.ts). */
const MATCH_STATE = 0;

/** A half-open range of a text: `start` included, `end` excluded (UTF-16 offsets). */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

/**
 * What the backward pass knows at a position p: `live`, the `chars` states that can consume the
 * character at p and go on to a match; and `reach`, the states from which a match is reachable at p
 * without consuming input (through a live state, or the match itself), which decides `live` at p-1.
 */
interface BackState {
  readonly id: number;
  readonly live: readonly number[];
  readonly reach: readonly number[];
  /** The state one position earlier, by the character there, filled in on first use. */
  readonly ascii: (BackState | undefined)[];
  nonAscii: BackState | undefined;
}

/** The NFA states a forward run has reached at a position. */
interface RunState {
  /** `chars` states waiting for the next character, and `end` states waiting for the end of the text; sorted. */
  readonly core: readonly number[];
  /** A match ends here. */
  readonly accepting: boolean;
  readonly ascii: (RunState | undefined)[];
  nonAscii: RunState | undefined;
  acceptsAtEnd: boolean | undefined;
  /** Whether a state of `core` is live, by BackState id. */
  readonly reachesMatch: Map<number, boolean>;
}

/** Past this many cached states the caches are dropped and rebuilt, bounding memory. */
const MAX_CACHED_STATES = 5_000;

interface EpsilonEdge {
  readonly from: number;
  readonly kind: 'split' | 'start' | 'end';
}

export class RegexSpanFinder {
  /** For each NFA state, the states that reach it without consuming input. */
  private readonly epsilonInto: EpsilonEdge[][];
  /** For each NFA state, the `chars` states that reach it by consuming a character. */
  private readonly charsInto: number[][];
  private readonly walk: NfaWalk;
  private backCache = new Map<string, BackState>();
  private runCache = new Map<string, RunState>();
  private nextBackId = 0;
  /** The end of the text, where `$` passes: it has no character, so nothing is live there. */
  private atTextEnd: BackState;
  /** A run starting at position 0 (where `^` passes), and one starting anywhere else. */
  private runFromTextStart: RunState;
  private runFromInside: RunState;

  constructor(private readonly nfa: Nfa) {
    const count = nfa.states.length;
    this.walk = new NfaWalk(nfa);
    this.epsilonInto = Array.from({ length: count }, () => []);
    this.charsInto = Array.from({ length: count }, () => []);
    nfa.states.forEach((state, id) => {
      switch (state.kind) {
        case 'chars':
          this.charsInto[state.next]!.push(id);
          break;
        case 'split':
          this.epsilonInto[state.next]!.push({ from: id, kind: 'split' });
          this.epsilonInto[state.alt]!.push({ from: id, kind: 'split' });
          break;
        case 'start':
        case 'end':
          this.epsilonInto[state.next]!.push({ from: id, kind: state.kind });
          break;
        case 'match':
          break;
      }
    });
    this.atTextEnd = this.newTextEnd();
    this.runFromTextStart = this.newRun(true);
    this.runFromInside = this.newRun(false);
  }

  /** Every non-empty leftmost-longest match, left to right, none overlapping. */
  spans(text: string): TextSpan[] {
    const spans: TextSpan[] = [];
    this.forEachSpan(text, (span) => {
      spans.push(span);
      return true;
    });
    return spans;
  }

  /** The leftmost-longest non-empty match, or undefined when there is none. */
  leftmost(text: string): TextSpan | undefined {
    let first: TextSpan | undefined;
    this.forEachSpan(text, (span) => {
      first = span;
      return false;
    });
    return first;
  }

  private forEachSpan(text: string, visit: (span: TextSpan) => boolean): void {
    if (text.length === 0) return;
    const liveAt = this.backwardPass(text);
    let position = 0;
    while (position < text.length) {
      const start = this.nextStart(liveAt, position);
      if (start === -1) return;
      const end = this.longestEnd(text, liveAt, start);
      if (!visit({ start, end })) return;
      position = end;
    }
  }

  /** `liveAt[p]` for every position p of the text. */
  private backwardPass(text: string): BackState[] {
    const liveAt = new Array<BackState>(text.length);
    let state = this.atTextEnd;
    for (let p = text.length - 1; p >= 0; p--) {
      const code = text.charCodeAt(p);
      state = (code < 128 ? state.ascii[code] : state.nonAscii) ?? this.stepBack(state, code);
      liveAt[p] = state;
    }
    return liveAt;
  }

  /** The first position from `from` at which a non-empty match starts, or -1. */
  private nextStart(liveAt: readonly BackState[], from: number): number {
    for (let p = from; p < liveAt.length; p++) {
      if (this.reachesMatch(p === 0 ? this.runFromTextStart : this.runFromInside, liveAt[p]!)) return p;
    }
    return -1;
  }

  /** Where the longest match from `start` ends (one exists: `nextStart` found it). */
  private longestEnd(text: string, liveAt: readonly BackState[], start: number): number {
    let run = start === 0 ? this.runFromTextStart : this.runFromInside;
    let end = start;
    let p = start;
    // Read on only while a longer match is still possible, so no character is read twice.
    for (; p < text.length && this.reachesMatch(run, liveAt[p]!); p++) {
      const code = text.charCodeAt(p);
      run = (code < 128 ? run.ascii[code] : run.nonAscii) ?? this.stepRun(run, code);
      if (run.accepting) end = p + 1;
    }
    if (p === text.length) {
      run.acceptsAtEnd ??= this.runAcceptsAtEnd(run);
      if (run.acceptsAtEnd) end = p;
    }
    return end;
  }

  private reachesMatch(run: RunState, back: BackState): boolean {
    let known = run.reachesMatch.get(back.id);
    if (known === undefined) {
      known = intersects(run.core, back.live);
      run.reachesMatch.set(back.id, known);
    }
    return known;
  }

  // ---- backward pass --------------------------------------------------------------------------

  private newTextEnd(): BackState {
    return this.makeBack([], this.reachableBackward([MATCH_STATE], true));
  }

  /** The state at p-1 from the one at p, by the character at p-1. */
  private stepBack(state: BackState, code: number): BackState {
    if (this.backCache.size >= MAX_CACHED_STATES) this.resetCaches();
    const live: number[] = [];
    for (const target of state.reach) {
      for (const id of this.charsInto[target]!) {
        const source = this.nfa.states[id]!;
        if (source.kind === 'chars' && contains(source.set, code)) live.push(id);
      }
    }
    live.sort((a, b) => a - b);
    const unique = live.filter((id, i) => i === 0 || id !== live[i - 1]);
    const key = unique.join(',');
    let next = this.backCache.get(key);
    if (next === undefined) {
      next = this.makeBack(unique, this.reachableBackward([MATCH_STATE, ...unique], false));
      this.backCache.set(key, next);
    }
    if (code < 128) state.ascii[code] = next;
    else state.nonAscii = next;
    return next;
  }

  /**
   * Every state from which one of `targets` is reachable without consuming input. `^` never passes:
   * these positions are after a character. `$` passes only at the end of the text.
   */
  private reachableBackward(targets: readonly number[], atEnd: boolean): number[] {
    const seen = this.walk.newMark();
    const stack = [...targets];
    const found: number[] = [];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (!this.walk.mark(id, seen)) continue;
      found.push(id);
      for (const edge of this.epsilonInto[id]!) {
        if (edge.kind === 'start' || (edge.kind === 'end' && !atEnd)) continue;
        stack.push(edge.from);
      }
    }
    return found;
  }

  private makeBack(live: readonly number[], reach: readonly number[]): BackState {
    this.nextBackId++;
    return { id: this.nextBackId, live, reach, ascii: new Array<BackState | undefined>(128), nonAscii: undefined };
  }

  // ---- forward runs ---------------------------------------------------------------------------

  private newRun(atStart: boolean): RunState {
    const { core, accepting } = this.walk.closure([this.nfa.start], atStart, false);
    return makeRun(core, accepting);
  }

  private stepRun(run: RunState, code: number): RunState {
    if (this.runCache.size >= MAX_CACHED_STATES) this.resetCaches();
    const { core, accepting } = this.walk.step(run.core, code);
    const key = (accepting ? 'match:' : '') + core.join(',');
    let next = this.runCache.get(key);
    if (next === undefined) {
      next = makeRun(core, accepting);
      this.runCache.set(key, next);
    }
    if (code < 128) run.ascii[code] = next;
    else run.nonAscii = next;
    return next;
  }

  private runAcceptsAtEnd(run: RunState): boolean {
    return this.walk.acceptsAtEnd(run.core, false);
  }

  private resetCaches(): void {
    this.backCache = new Map();
    this.runCache = new Map();
    this.atTextEnd = this.newTextEnd();
    this.runFromTextStart = this.newRun(true);
    this.runFromInside = this.newRun(false);
  }
}

function makeRun(core: readonly number[], accepting: boolean): RunState {
  return { core, accepting, ascii: new Array<RunState | undefined>(128), nonAscii: undefined, acceptsAtEnd: undefined, reachesMatch: new Map() };
}

/** Whether two sorted lists share an element. */
function intersects(a: readonly number[], b: readonly number[]): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) return true;
    if (a[i]! < b[j]!) i++;
    else j++;
  }
  return false;
}
