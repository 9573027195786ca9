/**
 * The query string of SEARCH('{AWS/Lambda,FunctionName} MetricName="Duration"', 'p99', 300)
 * ("CloudWatch search expression syntax" in the CloudWatch User Guide): an optional schema
 * `{Namespace,Dim1,Dim2}` (only metrics with exactly those dimensions), then terms. A term is a word (a
 * partial, case-insensitive match against the namespace, metric name and dimension names and values), a
 * "quoted phrase" (the same, of the whole phrase), or `Property=value` / `Property="value"` with Property
 * `MetricName`, `Namespace` or a dimension name (quoted: the exact value; unquoted: a partial match). Terms
 * join with AND (the default between adjacent terms), OR, NOT and parentheses.
 */
import { MetricMathSyntaxError } from './errors';

export type SearchTerm =
  | { readonly kind: 'text'; readonly text: string; readonly exact: boolean }
  | { readonly kind: 'property'; readonly name: string; readonly value: string; readonly exact: boolean }
  | { readonly kind: 'and' | 'or'; readonly terms: readonly SearchTerm[] }
  | { readonly kind: 'not'; readonly term: SearchTerm };

export interface SearchSchema {
  readonly namespace: string;
  readonly dimensions: readonly string[];
}

export interface SearchQuery {
  readonly schema: SearchSchema | undefined;
  /** Undefined when the query is only a schema. */
  readonly term: SearchTerm | undefined;
}

/** What a metric offers a search to match against. */
export interface SearchableMetric {
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: readonly { readonly name: string; readonly value: string }[];
}

interface Token {
  readonly kind: 'word' | 'quoted' | '{' | '}' | ',' | '(' | ')' | '=';
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Parses a search query; `offset` is where the query starts in the whole expression, so errors point into it.
 * Throws MetricMathSyntaxError.
 */
export function parseSearchQuery(text: string, offset = 0): SearchQuery {
  const tokens = tokenize(text, offset);
  let index = 0;
  const peek = (): Token | undefined => tokens[index];
  const fail = (message: string, token = peek()): never => {
    throw new MetricMathSyntaxError(message, token?.start ?? offset + text.length, token?.end ?? offset + text.length);
  };

  let schema: SearchSchema | undefined;
  if (peek()?.kind === '{') {
    index++;
    const names: string[] = [];
    for (;;) {
      const token = peek();
      if (token === undefined || (token.kind !== 'word' && token.kind !== 'quoted')) fail('Expected a namespace or dimension name in the schema {…}.');
      names.push(token!.text);
      index++;
      if (peek()?.kind === ',') {
        index++;
        continue;
      }
      if (peek()?.kind === '}') {
        index++;
        break;
      }
      fail('Expected "," or "}" in the schema {Namespace,DimensionName,…}.');
    }
    schema = { namespace: names[0]!, dimensions: names.slice(1) };
  }

  const parseOr = (): SearchTerm => {
    const terms = [parseAnd()];
    while (isWord(peek(), 'OR')) {
      index++;
      terms.push(parseAnd());
    }
    return terms.length === 1 ? terms[0]! : { kind: 'or', terms };
  };
  const parseAnd = (): SearchTerm => {
    const terms = [parseNot()];
    for (;;) {
      const next = peek();
      if (next === undefined || next.kind === ')' || isWord(next, 'OR')) break;
      if (isWord(next, 'AND')) index++;
      terms.push(parseNot());
    }
    return terms.length === 1 ? terms[0]! : { kind: 'and', terms };
  };
  const parseNot = (): SearchTerm => {
    if (isWord(peek(), 'NOT')) {
      index++;
      return { kind: 'not', term: parseNot() };
    }
    return parseTerm();
  };
  const parseTerm = (): SearchTerm => {
    const token = peek();
    if (token === undefined) return fail('Expected a search term.');
    if (token.kind === '(') {
      index++;
      const inner = parseOr();
      if (peek()?.kind !== ')') fail('Expected ")" to close the group.');
      index++;
      return inner;
    }
    if (token.kind !== 'word' && token.kind !== 'quoted') return fail(`Unexpected "${token.text}" in the search query.`);
    index++;
    if (peek()?.kind === '=') {
      if (token.kind !== 'word') fail('A property name is not quoted.', token);
      index++;
      const value = peek();
      if (value === undefined || (value.kind !== 'word' && value.kind !== 'quoted')) return fail(`Expected a value after ${token.text}=.`);
      index++;
      return { kind: 'property', name: token.text, value: value.text, exact: value.kind === 'quoted' };
    }
    return { kind: 'text', text: token.text, exact: token.kind === 'quoted' };
  };

  const term = peek() === undefined ? undefined : parseOr();
  if (peek() !== undefined) fail(`Unexpected "${peek()!.text}" in the search query.`);
  if (schema === undefined && term === undefined) fail('The search query is empty.');
  return { schema, term };
}

function isWord(token: Token | undefined, word: string): boolean {
  return token?.kind === 'word' && token.text === word;
}

function tokenize(text: string, offset: number): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < text.length) {
    const ch = text.charAt(pos);
    if (/\s/.test(ch)) {
      pos++;
    } else if ('{},()='.includes(ch)) {
      tokens.push({ kind: ch as Token['kind'], text: ch, start: offset + pos, end: offset + pos + 1 });
      pos++;
    } else if (ch === '"') {
      let end = pos + 1;
      let value = '';
      while (end < text.length && text.charAt(end) !== '"') {
        if (text.charAt(end) === '\\') end++;
        value += text.charAt(end);
        end++;
      }
      if (end >= text.length) throw new MetricMathSyntaxError('This quoted phrase has no closing ".', offset + pos, offset + text.length);
      tokens.push({ kind: 'quoted', text: value, start: offset + pos, end: offset + end + 1 });
      pos = end + 1;
    } else {
      const match = /^[^\s{},()="]+/.exec(text.slice(pos))!;
      tokens.push({ kind: 'word', text: match[0], start: offset + pos, end: offset + pos + match[0].length });
      pos += match[0].length;
    }
  }
  return tokens;
}

/** Whether a metric is found by a search query. */
export function matchesSearch(query: SearchQuery, metric: SearchableMetric): boolean {
  if (query.schema !== undefined) {
    if (metric.namespace !== query.schema.namespace) return false;
    const names = metric.dimensions.map((d) => d.name);
    if (names.length !== query.schema.dimensions.length || !query.schema.dimensions.every((name) => names.includes(name))) return false;
  }
  return query.term === undefined || matchesTerm(query.term, metric);
}

function matchesTerm(term: SearchTerm, metric: SearchableMetric): boolean {
  switch (term.kind) {
    case 'and':
      return term.terms.every((t) => matchesTerm(t, metric));
    case 'or':
      return term.terms.some((t) => matchesTerm(t, metric));
    case 'not':
      return !matchesTerm(term.term, metric);
    case 'text': {
      const haystack = [metric.namespace, metric.metricName, ...metric.dimensions.flatMap((d) => [d.name, d.value])];
      return term.exact ? haystack.includes(term.text) : haystack.some((value) => contains(value, term.text));
    }
    case 'property': {
      const values =
        term.name === 'MetricName'
          ? [metric.metricName]
          : term.name === 'Namespace'
            ? [metric.namespace]
            : metric.dimensions.filter((d) => d.name === term.name).map((d) => d.value);
      return values.some((value) => (term.exact ? value === term.value : contains(value, term.value)));
    }
  }
}

function contains(value: string, part: string): boolean {
  return value.toLowerCase().includes(part.toLowerCase());
}
