/**
 * Compiles a parsed regex into a Thompson NFA. With no groups in the syntax, every repeat applies
 * to a single character set, so counted repeats expand into at most one state per count.
 */
import { fail } from './errors';
import type { CharSet } from './regex-charset';
import type { RegexNode } from './regex-syntax';

export type NfaState =
  | { readonly kind: 'chars'; readonly set: CharSet; next: number }
  | { readonly kind: 'split'; next: number; alt: number }
  /** `^`: passable only at the start of the text. */
  | { readonly kind: 'start'; next: number }
  /** `$`: passable only at the end of the text. */
  | { readonly kind: 'end'; next: number }
  | { readonly kind: 'match' };

export interface Nfa {
  readonly states: readonly NfaState[];
  readonly start: number;
}

/**
 * Bounds the work per character of text (at worst one step per NFA state, when the automaton is too
 * big to cache) and the memory, whatever repeat counts a pattern uses.
 */
export const MAX_NFA_STATES = 10_000;

class NfaBuilder {
  readonly states: NfaState[] = [{ kind: 'match' }];

  constructor(
    private readonly errorOffset: number,
    private readonly errorLength: number,
  ) {}

  private add(state: NfaState): number {
    if (this.states.length >= MAX_NFA_STATES) {
      fail('This regex is too large to match efficiently; use smaller repeat counts.', this.errorOffset, this.errorLength);
    }
    this.states.push(state);
    return this.states.length - 1;
  }

  /** Builds the states for `node`, continuing to state `next`; returns the entry state. */
  build(node: RegexNode, next: number): number {
    switch (node.type) {
      case 'chars':
        return this.add({ kind: 'chars', set: node.set, next });
      case 'start':
      case 'end':
        return this.add({ kind: node.type, next });
      case 'sequence':
        return node.items.reduceRight((after, item) => this.build(item, after), next);
      case 'alternation': {
        const entries = node.branches.map((branch) => this.build(branch, next));
        return entries.reduceRight((rest, entry) => this.add({ kind: 'split', next: entry, alt: rest }));
      }
      case 'repeat':
        return this.buildRepeat(node.set, node.min, node.max, next);
    }
  }

  private buildRepeat(set: CharSet, min: number, max: number, next: number): number {
    let entry: number;
    if (max === Infinity) {
      const loopState: NfaState = { kind: 'split', next: -1, alt: next };
      entry = this.add(loopState);
      loopState.next = this.add({ kind: 'chars', set, next: entry });
    } else {
      // Optional copies nest: x{0,2} is (x(x)?)?, each skip going straight to `next`.
      entry = next;
      for (let i = min; i < max; i++) {
        const body = this.add({ kind: 'chars', set, next: entry });
        entry = this.add({ kind: 'split', next: body, alt: next });
      }
    }
    for (let i = 0; i < min; i++) entry = this.add({ kind: 'chars', set, next: entry });
    return entry;
  }
}

/** `errorOffset`/`errorLength` locate the regex in the pattern, for the too-large error. */
export function buildNfa(node: RegexNode, errorOffset: number, errorLength: number): Nfa {
  const builder = new NfaBuilder(errorOffset, errorLength);
  const start = builder.build(node, 0);
  return { states: builder.states, start };
}
