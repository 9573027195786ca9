/** Binary search over sorted arrays, and a sorted set of names kept in order as it changes. */

/**
 * The first index whose item does not satisfy `isBefore`, given that `isBefore` holds for a prefix of
 * `items` and fails for the rest (the usual "partition point").
 */
export function partitionPoint<T>(items: readonly T[], isBefore: (item: T) => boolean, from = 0, to = items.length): number {
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (isBefore(items[middle] as T)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Names in code-unit order (ASCII order for the characters AWS allows in names), kept sorted on every
 * change so that listing a page never sorts. Bulk loads append and sort once.
 */
export class SortedNames {
  private names: string[] = [];
  private sorted = true;

  get size(): number {
    return this.names.length;
  }

  /** Inserts a name that is not present yet. */
  insert(name: string): void {
    if (!this.sorted) {
      this.names.push(name);
      return;
    }
    const last = this.names[this.names.length - 1];
    if (last === undefined || last < name) {
      this.names.push(name);
      return;
    }
    this.names.splice(this.indexOf(name), 0, name);
  }

  /** Inserts many names at once; cheaper than one by one for large seeds. */
  insertMany(names: readonly string[]): void {
    for (const name of names) this.names.push(name);
    this.sorted = false;
  }

  remove(name: string): void {
    const index = this.indexOf(name);
    if (this.view()[index] === name) this.names.splice(index, 1);
  }

  /** The names in order. Do not modify. */
  view(): readonly string[] {
    if (!this.sorted) {
      this.names.sort(compareCodeUnits);
      this.sorted = true;
    }
    return this.names;
  }

  /** Index of the first name that is not less than `name`. */
  indexOf(name: string): number {
    return partitionPoint(this.view(), (candidate) => candidate < name);
  }

  /** Index of the first name greater than `name`. */
  indexAfter(name: string): number {
    return partitionPoint(this.view(), (candidate) => candidate <= name);
  }
}

export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
