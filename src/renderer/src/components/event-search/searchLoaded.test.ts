import { describe, expect, it } from 'vitest';
import { EventStore } from '../event-table/eventStore';
import { concat, dropGone, searchLoaded, searchPage } from './searchLoaded';

const lines = (from: number, count: number) => Array.from({ length: count }, (_, i) => `line ${from + i}`);
const endsIn7 = (message: string) => message.endsWith('7');

/** A pause that runs `during` the first time the search pauses. */
function pauseRunning(during: () => void): () => Promise<boolean> {
  let ran = false;
  return async () => {
    if (!ran) {
      ran = true;
      during();
    }
    return true;
  };
}

describe('searchLoaded', () => {
  it('answers the keys of every matching message, in order', async () => {
    const messages = new EventStore<string>();
    messages.append(lines(0, 30));
    messages.prepend(lines(-30, 30));
    const keys = await searchLoaded(messages, endsIn7, async () => true);
    expect([...keys!].map((key) => messages.byKey(key))).toEqual(['line -27', 'line -17', 'line -7', 'line 7', 'line 17', 'line 27']);
  });

  it('searches pages added before and after the loaded ones while it was paused', async () => {
    const messages = new EventStore<string>();
    messages.append(lines(0, 3000));
    messages.append(lines(3000, 3000));
    const keys = await searchLoaded(
      messages,
      (message) => message.endsWith('999'),
      pauseRunning(() => {
        messages.prepend(['early 999']);
        messages.append(['late 999']);
      }),
      0,
    );
    expect([...keys!].map((key) => messages.byKey(key))).toEqual(['early 999', 'line 999', 'line 1999', 'line 2999', 'line 3999', 'line 4999', 'line 5999', 'late 999']);
  });

  it('gives up when a pause says the search is no longer wanted', async () => {
    const messages = new EventStore<string>();
    messages.append(lines(0, 3000));
    messages.append(lines(3000, 3000));
    expect(await searchLoaded(messages, endsIn7, async () => false, 0)).toBeUndefined();
  });

  it('leaves out events dropped while it ran', async () => {
    const messages = new EventStore<string>();
    messages.append(lines(0, 3000));
    messages.append(lines(3000, 3000));
    const keys = await searchLoaded(
      messages,
      (message) => message.endsWith('000'),
      pauseRunning(() => messages.dropOldest(3000)),
      0,
    );
    expect([...keys!].map((key) => messages.byKey(key))).toEqual(['line 3000', 'line 4000', 'line 5000']);
  });
});

describe('searchPage', () => {
  it('gives the keys of the matches in one page', () => {
    expect([...searchPage(['a7', 'b', 'c7'], 100, endsIn7)]).toEqual([100, 102]);
  });
});

describe('dropGone and concat', () => {
  it('drops keys before the first loaded one, and joins key lists', () => {
    expect([...dropGone(Int32Array.from([1, 5, 9]), 5)]).toEqual([5, 9]);
    expect([...concat([Int32Array.from([1]), new Int32Array(0), Int32Array.from([2, 3])])]).toEqual([1, 2, 3]);
  });
});
