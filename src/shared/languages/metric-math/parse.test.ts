import { describe, expect, it } from 'vitest';
import { referencedIds, type MathExpression } from './ast';
import { queryIdError } from './functions';
import { parseMetricMath } from './parse';
import { matchesSearch } from './search-query';
import { tokenizeMetricMath } from './tokenize';

function parse(text: string): MathExpression {
  const result = parseMetricMath(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.expression;
}

/** The tree as a compact s-expression, to check precedence. */
function show(node: MathExpression): string {
  switch (node.kind) {
    case 'number':
      return String(node.value);
    case 'string':
      return JSON.stringify(node.value);
    case 'id':
      return node.id;
    case 'keyword':
      return node.word;
    case 'array':
      return `[${node.items.map(show).join(' ')}]`;
    case 'negate':
      return `(neg ${show(node.operand)})`;
    case 'binary':
      return `(${node.operator} ${show(node.left)} ${show(node.right)})`;
    case 'call':
      return `(${node.name} ${node.args.map(show).join(' ')})`.replace(/ \)$/, ')');
  }
}

describe('parseMetricMath', () => {
  it.each([
    ['100*m2/m1', '(/ (* 100 m2) m1)'],
    ['m1 + m2 * m3', '(+ m1 (* m2 m3))'],
    ['(m1 + m2) * m3', '(* (+ m1 m2) m3)'],
    ['-m1 ^ 2', '(neg (^ m1 2))'],
    ['2 ^ 3 ^ 2', '(^ 2 (^ 3 2))'],
    ['SUM(METRICS())', '(SUM (METRICS))'],
    ["AVG(METRICS('errors'))", '(AVG (METRICS "errors"))'],
    ['SUM([m1, m2, m3])', '(SUM [m1 m2 m3])'],
    ['FILL(m1, REPEAT)', '(FILL m1 REPEAT)'],
    ['FILL(m1, 0)', '(FILL m1 0)'],
    ['IF(m1 > 10 AND m2 < 5, 1, 0)', '(IF (AND (> m1 10) (< m2 5)) 1 0)'],
    ['IF(m1 >= 1 || m2 != 0, m1)', '(IF (OR (>= m1 1) (!= m2 0)) m1)'],
    ['RATE(m1) * PERIOD(m1)', '(* (RATE m1) (PERIOD m1))'],
    ['SORT(METRICS(), MAX, DESC, 10)', '(SORT (METRICS) MAX DESC 10)'],
    ['1.5e3 + .5', '(+ 1500 0.5)'],
    ['m_1_x', 'm_1_x'],
  ])('%s', (text, tree) => {
    expect(show(parse(text))).toBe(tree);
  });

  it('parses SEARCH with its query', () => {
    const node = parse(`SEARCH('{AWS/Lambda,FunctionName} MetricName="Duration"', 'p99', 300)`);
    expect(node.kind === 'call' && node.search).toEqual({
      schema: { namespace: 'AWS/Lambda', dimensions: ['FunctionName'] },
      term: { kind: 'property', name: 'MetricName', value: 'Duration', exact: true },
    });
  });

  it('lists the ids an expression uses', () => {
    expect(referencedIds(parse('m1 + IF(m2 > 0, m1 / m2, m3)'))).toEqual(['m1', 'm2', 'm3']);
  });

  it.each([
    ['', 'The expression is empty.', 0, 0],
    ['m1 +', 'ends too early', 4, 4],
    ['M1 + 1', 'Unknown name M1: metric ids must start with a lowercase letter', 0, 2],
    ['sum(m1)', 'Unknown function sum. Function names are upper-case: SUM.', 0, 3],
    ['FOO(m1)', 'Unknown function FOO.', 0, 3],
    ['ABS(m1, m2)', 'ABS takes 1 argument; it was given 2.', 0, 11],
    ['(m1 + m2', 'Expected ")" to close the "(" at character 1.', 8, 8],
    ['m1 m2', 'Unexpected "m2" after a complete expression', 3, 5],
    ['m1 # 2', '"#" is not allowed', 3, 4],
    ["METRICS('x", 'no closing quote', 8, 10],
    ['METRICS(m1)', 'METRICS takes a filter string in quotes.', 8, 10],
    ['FILL(m1, LINEAR, 1)', 'FILL takes 2 arguments', 0, 19],
    ['FILL(m1, DESC)', 'DESC is not an argument of FILL here.', 9, 13],
    ['ABS(REPEAT)', 'REPEAT is not an argument of ABS here.', 4, 10],
    ["SEARCH('{AWS/EC2 x', 'Average', 300)", 'Expected "," or "}"', 17, 18],
    ["SEARCH('MetricName=', 'Average')", 'Expected a value after MetricName=.', 19, 19],
    ['SUM', 'SUM is a function; call it with parentheses', 0, 3],
    ['m1 < m2 < m3', 'Comparisons cannot be chained', 8, 9],
  ])('refuses %j', (text, message, start, end) => {
    const result = parseMetricMath(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message).toContain(message);
      expect([result.error.start, result.error.end]).toEqual([start, end]);
    }
  });

  it('refuses expressions longer than 2,048 characters', () => {
    const result = parseMetricMath(`m1${' + m1'.repeat(500)}`);
    expect(result.ok).toBe(false);
  });
});

describe('query ids', () => {
  it.each([
    ['m1', undefined],
    ['errorRate_2', undefined],
    ['M1', 'must start with a lowercase letter'],
    ['1m', 'must start with a lowercase letter'],
    ['m-1', 'only letters, numbers and underscores'],
    ['', 'empty'],
  ])('%j', (id, problem) => {
    const error = queryIdError(id);
    if (problem === undefined) expect(error).toBeUndefined();
    else expect(error).toContain(problem);
  });
});

describe('tokenizeMetricMath', () => {
  it('gives every token its kind and position, never failing', () => {
    expect(tokenizeMetricMath("SUM(m1) + 'x' # \"open").map((t) => [t.kind, t.start, t.end])).toEqual([
      ['name', 0, 3],
      ['punctuation', 3, 4],
      ['name', 4, 6],
      ['punctuation', 6, 7],
      ['operator', 8, 9],
      ['string', 10, 13],
      ['invalid', 14, 15],
      ['invalid', 16, 21],
    ]);
  });
});

describe('search queries', () => {
  const lambda = { namespace: 'AWS/Lambda', metricName: 'Duration', dimensions: [{ name: 'FunctionName', value: 'checkout-api' }] };
  const ec2 = { namespace: 'AWS/EC2', metricName: 'CPUUtilization', dimensions: [{ name: 'InstanceId', value: 'i-123' }] };
  const search = (query: string): MathExpression => parse(`SEARCH('${query}', 'Average', 60)`);
  const matches = (query: string, metric: typeof lambda): boolean => {
    const node = search(query);
    return node.kind === 'call' && node.search !== undefined && matchesSearch(node.search, metric);
  };

  it.each([
    ['{AWS/Lambda,FunctionName} MetricName="Duration"', true, false],
    ['{AWS/Lambda} Duration', false, false],
    ['checkout', true, false],
    ['cpu', false, true],
    ['FunctionName=checkout', true, false],
    ['FunctionName="checkout"', false, false],
    ['Duration OR CPUUtilization', true, true],
    ['NOT Duration', false, true],
    ['(Duration OR cpu) AND i-123', false, true],
  ])('%s', (query, lambdaMatches, ec2Matches) => {
    expect(matches(query, lambda)).toBe(lambdaMatches);
    expect(matches(query, ec2)).toBe(ec2Matches);
  });
});
