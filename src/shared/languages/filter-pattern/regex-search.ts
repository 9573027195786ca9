/**
 * Searches text for an NFA match by building a DFA lazily, one state per distinct set of NFA states
 * reached. Time is linear in the text length whatever the regex, so no input can make matching
 * backtrack catastrophically, and no timeout is needed.
 */
import { NfaWalk } from './regex-closure';
import type { Nfa } from './regex-nfa';

interface DfaState {
  /** The NFA `chars` and `end` states in this set, sorted: the ones that still need input or the end. */
  readonly core: readonly number[];
  /** A match has been reached; the search can stop. */
  readonly accepting: boolean;
  /** Transitions on each ASCII code unit, filled in on first use. */
  readonly ascii: (DfaState | undefined)[];
  /** Every non-ASCII code unit behaves the same, since regexes can only name ASCII characters. */
  nonAscii: DfaState | undefined;
  /** Whether passing the `$` states at the end of the text reaches a match; computed on first use. */
  acceptsAtEnd: boolean | undefined;
}

/**
 * Past this many cached NFA state references (summed over the cached DFA states) the cache is
 * dropped and rebuilt, bounding memory. Matching stays linear; it only slows down for regexes whose
 * automaton is too big to keep.
 */
const MAX_CACHED_SIZE = 200_000;
/** What a DFA state costs besides its NFA states, mostly its 128 transition slots. */
const STATE_OVERHEAD = 130;

export class RegexSearcher {
  private readonly walk: NfaWalk;
  private cache = new Map<string, DfaState>();
  private cachedSize = 0;
  private initial: DfaState;
  /** The regex matches the empty string at any position, so every text matches. */
  private readonly matchesAnywhere: boolean;

  constructor(private readonly nfa: Nfa) {
    this.walk = new NfaWalk(nfa);
    this.matchesAnywhere = this.walk.closure([nfa.start], false, false).accepting;
    this.initial = this.newInitialState();
  }

  test(text: string): boolean {
    if (this.matchesAnywhere || this.initial.accepting) return true;
    let state = this.initial;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      const next = (code < 128 ? state.ascii[code] : state.nonAscii) ?? this.step(state, code);
      if (next.accepting) return true;
      state = next;
    }
    state.acceptsAtEnd ??= this.acceptsAtEnd(state);
    return state.acceptsAtEnd;
  }

  private newInitialState(): DfaState {
    const { core, accepting } = this.walk.closure([this.nfa.start], true, false);
    return makeState(core, accepting);
  }

  private step(state: DfaState, code: number): DfaState {
    const { core, accepting } = this.walk.step(state.core, code, [this.nfa.start]);
    const key = (accepting ? 'match:' : '') + core.join(',');
    let next = this.cache.get(key);
    if (next === undefined) {
      if (this.cachedSize >= MAX_CACHED_SIZE) {
        this.cache = new Map();
        this.cachedSize = 0;
        this.initial = this.newInitialState();
      }
      next = makeState(core, accepting);
      this.cache.set(key, next);
      this.cachedSize += core.length + STATE_OVERHEAD;
    }
    if (code < 128) state.ascii[code] = next;
    else state.nonAscii = next;
    return next;
  }

  private acceptsAtEnd(state: DfaState): boolean {
    // Only the initial state sits at the start of the text (when the text is empty).
    return this.walk.acceptsAtEnd(state.core, state === this.initial);
  }
}

function makeState(core: readonly number[], accepting: boolean): DfaState {
  return { core, accepting, ascii: new Array<DfaState | undefined>(128), nonAscii: undefined, acceptsAtEnd: undefined };
}
