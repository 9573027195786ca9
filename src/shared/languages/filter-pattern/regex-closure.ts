/**
 * Following the NFA's moves that consume no input, for the lazily built DFAs of the searcher and the
 * span finder: which states a set of states reaches, and a cheap "visited" mark per state.
 */
import { contains } from './regex-charset';
import type { Nfa } from './regex-nfa';

export class NfaWalk {
  private readonly visited: Uint32Array;
  private generation = 0;

  constructor(readonly nfa: Nfa) {
    this.visited = new Uint32Array(nfa.states.length);
  }

  /**
   * The states `seeds` reach without consuming input: `core` the `chars` states waiting for a
   * character and the `end` states waiting for the end of the text (sorted), `accepting` when the
   * match state is among them. `^` passes only `atStart`, `$` only `atEnd`.
   */
  closure(seeds: readonly number[], atStart: boolean, atEnd: boolean): { core: number[]; accepting: boolean } {
    const seen = this.newMark();
    const stack = [...seeds];
    const core: number[] = [];
    let accepting = false;
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (!this.mark(id, seen)) continue;
      const state = this.nfa.states[id]!;
      switch (state.kind) {
        case 'match':
          accepting = true;
          break;
        case 'chars':
          core.push(id);
          break;
        case 'split':
          stack.push(state.alt, state.next);
          break;
        case 'start':
          if (atStart) stack.push(state.next);
          break;
        case 'end':
          if (atEnd) stack.push(state.next);
          else core.push(id);
          break;
      }
    }
    core.sort((a, b) => a - b);
    return { core, accepting };
  }

  /**
   * The states `core` reaches by consuming the character `code`, then every state that reaches
   * without consuming (`seeds` are added first, e.g. the start state for an unanchored search).
   */
  step(core: readonly number[], code: number, seeds: readonly number[] = []): { core: number[]; accepting: boolean } {
    const next = [...seeds];
    for (const id of core) {
      const state = this.nfa.states[id]!;
      if (state.kind === 'chars' && contains(state.set, code)) next.push(state.next);
    }
    return this.closure(next, false, false);
  }

  /** Whether `core`'s `$` states, passed at the end of the text, reach a match. */
  acceptsAtEnd(core: readonly number[], atStart: boolean): boolean {
    const seeds: number[] = [];
    for (const id of core) {
      const state = this.nfa.states[id]!;
      if (state.kind === 'end') seeds.push(state.next);
    }
    return seeds.length > 0 && this.closure(seeds, atStart, true).accepting;
  }

  /** A fresh mark for one walk: every state counts as unvisited under it. */
  newMark(): number {
    this.generation++;
    if (this.generation === 0xffffffff) {
      this.visited.fill(0);
      this.generation = 1;
    }
    return this.generation;
  }

  /** Marks `id` visited under `mark`; false when it already was. */
  mark(id: number, mark: number): boolean {
    if (this.visited[id] === mark) return false;
    this.visited[id] = mark;
    return true;
  }
}
