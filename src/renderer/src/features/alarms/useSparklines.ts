/**
 * The sparklines of the rows on screen: each alarm's metric over the last three hours, asked for only
 * once the rows have stopped scrolling past, many alarms per GetMetricData call, and each alarm only once
 * per refresh (`now`).
 */
import { useEffect, useRef, useState } from 'react';
import type { MetricAlarm } from '../../../../shared/contract';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { SPARKLINE_SPAN_MS, sparklineBatches, sparklinesOf, type SparklinePoints } from './sparklines';

export type Sparkline = { readonly status: 'loaded'; readonly points: SparklinePoints } | { readonly status: 'failed' };

/** Scrolling faster than this asks for nothing. */
const SETTLE_MS = 150;

function keyOf(alarm: MetricAlarm): string {
  return `${alarm.name}\u0000${alarm.configurationUpdatedAt}`;
}

export function useSparklines(onScreen: readonly MetricAlarm[], now: number): { readonly lines: ReadonlyMap<string, Sparkline>; readonly range: { readonly start: number; readonly end: number } } {
  const [state, setState] = useState<{ readonly now: number; readonly lines: ReadonlyMap<string, Sparkline> }>({ now, lines: new Map() });
  const asked = useRef<{ now: number; keys: Set<string> }>({ now, keys: new Set() });
  const settled = useDebouncedValue(onScreen, SETTLE_MS);
  const end = Math.floor(now / 60_000) * 60_000;
  const start = end - SPARKLINE_SPAN_MS;

  useEffect(() => {
    if (asked.current.now !== now) asked.current = { now, keys: new Set() };
    const keys = asked.current.keys;
    const missing = settled.filter((alarm) => !keys.has(keyOf(alarm)));
    if (missing.length === 0) return;
    for (const alarm of missing) keys.add(keyOf(alarm));
    for (const batch of sparklineBatches(missing, SPARKLINE_SPAN_MS)) {
      const settle = (change: (lines: Map<string, Sparkline>) => void) =>
        setState((current) => {
          // An answer from before a refresh is not drawn.
          if (asked.current.now !== now) return current;
          const lines = new Map(current.now === now ? current.lines : []);
          change(lines);
          return { now, lines };
        });
      window.api.metrics.getData({ queries: batch.queries, startTime: start, endTime: end }).then(
        (data) => settle((lines) => sparklinesOf(batch, data).forEach((points, name) => lines.set(name, { status: 'loaded', points }))),
        () =>
          settle((lines) => {
            // Asked again on the next refresh.
            for (const name of batch.owners.values()) lines.set(name, { status: 'failed' });
          }),
      );
    }
  }, [settled, now, start, end]);

  return { lines: state.now === now ? state.lines : new Map(), range: { start, end } };
}
