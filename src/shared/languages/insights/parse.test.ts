import { describe, expect, it } from 'vitest';
import type { Command, Expression } from './ast';
import { displayedFields, parseInsightsQuery } from './index';

function commands(text: string): readonly Command[] {
  const result = parseInsightsQuery(text);
  if (!result.ok) throw new Error(`${result.error.message} at ${result.error.start}`);
  return result.query.commands;
}

function errorOf(text: string): { message: string; at: string; unsupported?: boolean } {
  const result = parseInsightsQuery(text);
  if (result.ok) throw new Error(`expected ${text} to be refused`);
  const { message, start, end, unsupported } = result.error;
  return { message, at: text.slice(start, end), ...(unsupported === undefined ? {} : { unsupported }) };
}

/** A compact rendering of an expression tree, to check precedence. */
function show(expression: Expression): string {
  switch (expression.kind) {
    case 'field':
      return expression.name;
    case 'string':
      return JSON.stringify(expression.value);
    case 'number':
      return String(expression.value);
    case 'duration':
      return `${expression.duration.amount}${expression.duration.unit}`;
    case 'call':
      return `${expression.name}(${expression.star ? '*' : expression.args.map(show).join(', ')})`;
    case 'not':
      return `(not ${show(expression.operand)})`;
    case 'negate':
      return `(-${show(expression.operand)})`;
    case 'logical':
    case 'comparison':
    case 'arithmetic':
      return `(${show(expression.left)} ${expression.operator} ${show(expression.right)})`;
    case 'match': {
      const pattern = expression.pattern.kind === 'regex' ? `/${expression.pattern.source}/${expression.pattern.flags}` : JSON.stringify(expression.pattern.text);
      return `(${show(expression.subject)} ${expression.negated ? 'not like' : 'like'} ${pattern})`;
    }
    case 'in':
      return `(${show(expression.subject)} ${expression.negated ? 'not in' : 'in'} [${expression.values.map(show).join(', ')}])`;
  }
}

function filterOf(text: string): string {
  const [command] = commands(`filter ${text}`);
  if (command?.kind !== 'filter') throw new Error('not a filter');
  return show(command.condition);
}

describe('parseInsightsQuery', () => {
  it('reads commands separated by pipes, with their spans', () => {
    const text = 'fields @timestamp, @message | sort @timestamp desc | limit 20';
    const parsed = commands(text);
    expect(parsed.map((command) => [command.kind, text.slice(command.start, command.end)])).toEqual([
      ['fields', 'fields @timestamp, @message'],
      ['sort', 'sort @timestamp desc'],
      ['limit', 'limit 20'],
    ]);
  });

  it('reads command names, keywords and function names in any case, field names as written', () => {
    const [filter, stats] = commands('FILTER Status = 500 AND path LIKE "x" | Stats COUNT(*) BY Route');
    expect(filter?.kind === 'filter' && show(filter.condition)).toBe('((Status = 500) and (path like "x"))');
    expect(stats?.kind === 'stats' && stats.aggregations[0]?.name).toBe('COUNT(*)');
    expect(stats?.kind === 'stats' && stats.groups[0]?.name).toBe('Route');
  });

  it('gives or the lowest precedence, then and, then not, then comparisons, then arithmetic', () => {
    expect(filterOf('a = 1 or b = 2 and not c = 3')).toBe('((a = 1) or ((b = 2) and (not (c = 3))))');
    expect(filterOf('a + b * c ^ 2 > -d % 3')).toBe('((a + (b * (c ^ 2))) > ((-d) % 3))');
    expect(filterOf('(a or b) and c')).toBe('((a or b) and c)');
    expect(filterOf('2 ^ 3 ^ 2 = 512')).toBe('((2 ^ (3 ^ 2)) = 512)');
  });

  it('reads like with a string (substring) or a regex, =~, not like, in and not in', () => {
    expect(filterOf('@message like "Exception"')).toBe('(@message like "Exception")');
    expect(filterOf('@message like /(?i)timeout/')).toBe('(@message like /timeout/i)');
    expect(filterOf('@message =~ /a\\/b/')).toBe('(@message like /a/b/)');
    expect(filterOf('@message not like /health/')).toBe('(@message not like /health/)');
    expect(filterOf('status in [500, 502] and method not in ["GET", \'HEAD\']')).toBe('((status in [500, 502]) and (method not in ["GET", "HEAD"]))');
  });

  it('tells a regex from division by what precedes the slash', () => {
    expect(filterOf('bytes / 1024 > 1')).toBe('((bytes / 1024) > 1)');
    expect(filterOf('(a) / 2 = b / c')).toBe('((a / 2) = (b / c))');
  });

  it('reads backquoted names and dotted names of flattened JSON fields', () => {
    const [fields] = commands('fields `foo-bar`, request.headers.0.name, `a b` as c');
    expect(fields?.kind === 'fields' && fields.items.map((item) => item.name)).toEqual(['foo-bar', 'request.headers.0.name', 'c']);
  });

  it('ignores # comments outside strings', () => {
    const parsed = commands('# first line\nfields @message # shown\n# | filter x = 1\n| filter x = "#not a comment"');
    expect(parsed.map((command) => command.kind)).toEqual(['fields', 'filter']);
    expect(parsed[1]?.kind === 'filter' && show(parsed[1].condition)).toBe('(x = "#not a comment")');
  });

  it('names a column by its whole expression, parentheses included', () => {
    const [fields] = commands('fields (a + b) * 2, (c)');
    expect(fields?.kind === 'fields' && fields.items.map((item) => item.name)).toEqual(['(a + b) * 2', 'c']);
  });

  it('names result columns by alias, or by the expression as written', () => {
    const [stats] = commands('stats count(*), avg(@duration) as mean, pct(@duration, 99) by bin(5m), @logStream as stream');
    expect(stats?.kind === 'stats' && stats.aggregations.map((item) => item.name)).toEqual(['count(*)', 'mean', 'pct(@duration, 99)']);
    expect(stats?.kind === 'stats' && stats.groups.map((item) => item.name)).toEqual(['bin(5m)', 'stream']);
  });

  it('reads bin periods in every documented unit spelling', () => {
    for (const [period, unit] of [
      ['100ms', 'ms'],
      ['30s', 's'],
      ['5m', 'm'],
      ['5min', 'm'],
      ['5mins', 'm'],
      ['1h', 'h'],
      ['2hrs', 'h'],
      ['1d', 'd'],
      ['1w', 'w'],
      ['1mo', 'mo'],
      ['1mon', 'mo'],
      ['1q', 'q'],
      ['1qtr', 'q'],
      ['1y', 'y'],
      ['1yr', 'y'],
    ] as const) {
      const [stats] = commands(`stats count(*) by bin(${period})`);
      const group = stats?.kind === 'stats' ? stats.groups[0]?.expression : undefined;
      expect(group?.kind === 'call' && group.args[0]?.kind === 'duration' && group.args[0].duration.unit).toBe(unit);
    }
  });

  it('reads parse with a glob and names, or a regex with named groups', () => {
    const [glob] = commands('parse @message "user=* action=*" as user, action');
    expect(glob?.kind === 'parse' && glob.pattern.kind === 'glob' && glob.pattern.names.map((name) => name.name)).toEqual(['user', 'action']);
    const [regex] = commands('parse @message /(?<ip>\\S+) - (?<user>\\S+)/');
    expect(regex?.kind === 'parse' && regex.pattern.kind === 'regex' && regex.pattern.names).toEqual(['ip', 'user']);
  });

  it('reads sort orders, limit, dedup and display', () => {
    const [sort, display, dedup, limit] = commands('sort by a, b desc, c asc | display a, `b` | dedup a, b | limit 5');
    expect(sort?.kind === 'sort' && sort.keys.map((key) => [key.name, key.descending])).toEqual([
      ['a', false],
      ['b', true],
      ['c', false],
    ]);
    expect(limit?.kind === 'limit' && [limit.count, limit.any]).toEqual([5, false]);
    const [any] = commands('limit any 3');
    expect(any?.kind === 'limit' && [any.count, any.any]).toEqual([3, true]);
    expect(dedup?.kind === 'dedup' && dedup.fields.map((field) => field.name)).toEqual(['a', 'b']);
    expect(display?.kind === 'display' && display.items.map((item) => item.name)).toEqual(['a', 'b']);
  });

  it('points at the unexpected token of a malformed query', () => {
    expect(errorOf('fields a b')).toEqual({ message: 'Unexpected "b" after the fields command; separate commands with |.', at: 'b' });
    expect(errorOf('filter x = ')).toEqual({ message: 'Unexpected end of query where a value or field was expected.', at: '' });
    expect(errorOf('fields a | | limit 1')).toEqual({ message: expect.stringContaining('Unexpected "|" where a command') as string, at: '|' });
    expect(errorOf('filter a like 5')).toEqual({ message: 'Unexpected "5" after like; expected a "string" or a /regular expression/.', at: '5' });
    expect(errorOf('filter (a = 1')).toEqual({ message: 'Unexpected end of query where ) should close the parenthesis.', at: '' });
    expect(errorOf('filter x in [1, 2')).toMatchObject({ at: '' });
    expect(errorOf('limit 0')).toEqual({ message: 'limit takes a whole number of at least 1.', at: '0' });
    expect(errorOf('limit 100001')).toEqual({ message: 'limit can be at most 100,000.', at: '100001' });
    expect(errorOf('dedup a | fields b')).toEqual({ message: 'Only limit can follow dedup; put fields before dedup.', at: 'fields' });
    expect(errorOf('dedup a | where b = 1')).toEqual({ message: 'Only limit can follow dedup; put where before dedup.', at: 'where' });
  });

  it('names unknown commands and functions, and marks AWS features Cloudscope does not run', () => {
    expect(errorOf('fields a | frobnicate b')).toMatchObject({ message: expect.stringContaining('Unknown command "frobnicate"') as string, at: 'frobnicate' });
    expect(errorOf('filter foo(x) = 1')).toEqual({ message: 'Unknown function "foo".', at: 'foo' });
    expect(errorOf('fields a | pattern @message')).toEqual({ message: "The pattern command is not supported by Cloudscope's query engine.", at: 'pattern', unsupported: true });
    expect(errorOf('unmask @message')).toMatchObject({ at: 'unmask', unsupported: true });
    expect(errorOf('diff')).toMatchObject({ at: 'diff', unsupported: true });
    expect(errorOf('fields jsonParse(@message) as j')).toMatchObject({ at: 'jsonParse', unsupported: true });
  });

  it('refuses lexical mistakes with their position', () => {
    expect(errorOf('filter x = "abc')).toEqual({ message: 'The string starting here has no closing ".', at: '"abc' });
    expect(errorOf('filter x like /abc')).toEqual({ message: 'The regular expression starting here has no closing /.', at: '/abc' });
    expect(errorOf('fields `abc')).toEqual({ message: 'The field name starting here has no closing `.', at: '`abc' });
    expect(errorOf('stats count(*) by bin(5zz)')).toEqual({ message: '"zz" is not a time unit; use ms, s, m, h, d, w, mo, q or y.', at: '5zz' });
    expect(errorOf('filter x ~ 1')).toEqual({ message: 'Unexpected character "~".', at: '~' });
    expect(errorOf('filter x like /a(/')).toMatchObject({ message: expect.stringContaining('Invalid regular expression') as string, at: '/a(/' });
  });

  it('checks function arguments, aggregates and periods', () => {
    expect(errorOf('fields strlen(a, b)')).toEqual({ message: 'strlen(text) takes 1 argument; found 2.', at: 'strlen(a, b)' });
    expect(errorOf('fields sum(*)')).toEqual({ message: '* is only allowed in count(*), not in sum().', at: '*' });
    expect(errorOf('filter count(*) > 1')).toEqual({ message: 'The aggregate function count is only allowed in stats.', at: 'count' });
    expect(errorOf('stats x')).toMatchObject({ at: 'x' });
    expect(errorOf('stats 1 + 2')).toMatchObject({ message: expect.stringContaining('stats needs an aggregate') as string, at: '1 + 2' });
    expect(errorOf('stats sum(max(x))')).toMatchObject({ at: 'max' });
    expect(errorOf('stats later - 1, count(*) as later')).toMatchObject({ at: 'later' });
    expect(parseInsightsQuery('stats count(*) as n, sum(x) as total, total / n as mean').ok).toBe(true);
    expect(errorOf('stats count(*) by count(*)')).toMatchObject({ at: 'count' });
    expect(errorOf('stats count(*) by bin(x)')).toEqual({ message: 'The last argument of bin is a time period such as 5m, 1h or 1d.', at: 'x' });
    expect(errorOf('fields 5m')).toMatchObject({ at: '5m' });
  });

  it('checks parse patterns against their names', () => {
    expect(errorOf('parse @message "a=* b=*" as a')).toEqual({ message: 'The parse pattern has 2 * but 1 field name follow "as".', at: '"a=* b=*" as a' });
    expect(errorOf('parse @message "no star" as a')).toMatchObject({ at: '"no star"' });
    expect(errorOf('parse @message /no groups/')).toMatchObject({ at: '/no groups/' });
    expect(errorOf('parse @message 5')).toMatchObject({ at: '5' });
  });

  it('refuses an empty query', () => {
    expect(errorOf('  # only a comment\n')).toMatchObject({ message: expect.stringContaining('The query is empty') as string });
  });

  it('counts positions in UTF-16 code units', () => {
    const text = 'filter msg = "😀" and ~';
    const result = parseInsightsQuery(text);
    expect(result.ok || [result.error.start, text.slice(result.error.start, result.error.end)]).toEqual([22, '~']);
  });
});

describe('displayedFields', () => {
  const columns = (text: string): readonly string[] | undefined => {
    const result = parseInsightsQuery(text);
    if (!result.ok) throw new Error(result.error.message);
    return displayedFields(result.query);
  };

  it('lists the result columns a query produces', () => {
    expect(columns('filter x = 1')).toBeUndefined();
    expect(columns('fields @timestamp, @message | fields strlen(@message) as n')).toEqual(['@timestamp', '@message', 'n']);
    expect(columns('fields a, b | display b')).toEqual(['b']);
    expect(columns('stats count(*) as n by bin(1h), host | sort n desc')).toEqual(['bin(1h)', 'host', 'n']);
  });
});
