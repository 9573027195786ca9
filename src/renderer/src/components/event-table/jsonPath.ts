/**
 * JSON log messages: detecting them, paths to their fields (written as filter-pattern property
 * selectors, so a path can go straight into a pattern), and the fields many messages have.
 */

/** Keys and array indexes from the root, e.g. ["user", "roles", 0]. */
export type JsonPath = readonly (string | number)[];

/** The message's JSON object or array, or undefined when the whole message is not one. */
export function parseJsonMessage(message: string): unknown {
  const first = message.trimStart().charAt(0);
  if (first !== '{' && first !== '[') return undefined;
  try {
    return JSON.parse(message) as unknown;
  } catch {
    return undefined;
  }
}

const PLAIN_KEY = /^[A-Za-z0-9_-]+$/;

/** `$.user.roles[0]`, `$.['cluster.name']`: the filter-pattern selector for `path`. */
export function formatJsonPath(path: JsonPath): string {
  let text = '$';
  for (const step of path) {
    if (typeof step === 'number') text += `[${step}]`;
    else if (PLAIN_KEY.test(step)) text += `.${step}`;
    else text += `.[${step.includes("'") ? JSON.stringify(step) : `'${step}'`}]`;
  }
  return text;
}

/** What `path` leads to in `value`, or undefined when it leads nowhere. */
export function valueAtPath(value: unknown, path: JsonPath): unknown {
  let current = value;
  for (const step of path) {
    if (typeof step === 'number') {
      if (!Array.isArray(current) || step >= current.length) return undefined;
      current = current[step] as unknown;
    } else {
      if (typeof current !== 'object' || current === null || Array.isArray(current) || !Object.hasOwn(current, step)) return undefined;
      current = (current as Record<string, unknown>)[step];
    }
  }
  return current;
}

/** A field value as one line of text: strings as they are, everything else as compact JSON. */
export function jsonValueText(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

export function samePath(a: JsonPath, b: JsonPath): boolean {
  return a.length === b.length && a.every((step, i) => step === b[i]);
}

/**
 * The leaf fields (values that are not objects) of the JSON messages among `messages`, most common
 * first, each with how many messages have it; objects are entered down to `maxDepth` keys deep.
 * Arrays count as leaves: their elements are too varied to make columns of.
 */
export function discoverJsonFields(messages: Iterable<string>, { maxDepth = 3, maxFields = 50 } = {}): { path: JsonPath; count: number }[] {
  const counts = new Map<string, { path: JsonPath; count: number }>();
  const visit = (value: unknown, path: (string | number)[]) => {
    if (typeof value === 'object' && value !== null && !Array.isArray(value) && path.length < maxDepth) {
      for (const [key, child] of Object.entries(value)) visit(child, [...path, key]);
      return;
    }
    if (path.length === 0) return;
    const id = JSON.stringify(path);
    const entry = counts.get(id);
    if (entry) entry.count++;
    else counts.set(id, { path, count: 1 });
  };
  for (const message of messages) {
    const parsed = parseJsonMessage(message);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) visit(parsed, []);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || formatJsonPath(a.path).localeCompare(formatJsonPath(b.path))).slice(0, maxFields);
}
