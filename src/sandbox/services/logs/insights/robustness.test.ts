/** Whatever parses either compiles or is refused with a QueryCompileError, and then runs without throwing. */
import { describe, expect, it } from 'vitest';
import { parseInsightsQuery } from '../../../../shared/languages/insights';
import { randomQueries } from '../../../../shared/languages/insights/testing';
import { LogsStore } from '../store';
import { QueryCompileError } from './compile-error';
import { compileQuery } from './compile-query';
import { QueryScan } from './scan';

const T0 = Date.UTC(2025, 0, 15);

describe('engine robustness', () => {
  it('compiles or refuses every query that parses, and runs it to the end', () => {
    const logs = new LogsStore('123456789012', 'us-east-1');
    const group = logs.createGroup({ name: 'g', creationTime: T0 });
    const stream = group.createStream('s', T0);
    const messages = ['{"x":1,"message":"a"}', 'x=5 plain text', '{"x":"five"}', 'REPORT RequestId: 1\tDuration: 1 ms'];
    group.ingest(stream, messages.map((message, i) => ({ timestamp: T0 + i, message, size: message.length })), (event) => event.timestamp);

    let ran = 0;
    for (const text of [...randomQueries(20_000, 7), 'stats count(*) by x | sort x', 'filter x like /re/ | fields x + 1 as y']) {
      const parsed = parseInsightsQuery(text);
      if (!parsed.ok) continue;
      let compiled;
      try {
        compiled = compileQuery(parsed.query);
      } catch (error) {
        expect(error).toBeInstanceOf(QueryCompileError);
        continue;
      }
      const execution = compiled.start(100);
      const scan = new QueryScan([group], logs.accountId, T0, T0 + 10);
      while (!scan.step(execution, 2));
      expect(Array.isArray(execution.results())).toBe(true);
      ran++;
    }
    expect(ran).toBeGreaterThan(20);
  });
});
