import { LOG_GROUP_FIELDS_HALF_WINDOW_MS, LOG_GROUP_FIELDS_RECENT_MS } from '../../../../shared/languages/insights';
import type { RequestContext } from '../../../core/context';
import { readGroupReference, readLogsInput, resolveGroupReference } from '../common';
import { isLambdaGroup } from '../insights/discovered-fields';
import { EventRow, type GroupContext } from '../insights/row';
import type { LogStream } from '../store';
import type { StoredEvent } from '../stream-events';

/** At most this many events are sampled, the most recent of each stream first. */
const SAMPLE_LIMIT = 10_000;

/**
 * The fields of a group's events and the percentage of events that have each, from the events of 8
 * minutes either side of `time` (seconds), or of the last 15 minutes without it — AWS's windows. Most
 * frequent first.
 */
export function getLogGroupFields(body: unknown, context: RequestContext): object {
  const input = readLogsInput(body);
  const reference = readGroupReference(input);
  const time = input.long('time', { min: 0 });
  input.finish();

  const group = resolveGroupReference(context, reference);
  const [from, to] =
    time === undefined ? [context.now - LOG_GROUP_FIELDS_RECENT_MS, context.now] : [time * 1000 - LOG_GROUP_FIELDS_HALF_WINDOW_MS, time * 1000 + LOG_GROUP_FIELDS_HALF_WINDOW_MS];
  const groupContext: GroupContext = { group, logId: `${context.accountId}:${group.name}`, lambda: isLambdaGroup(group.name) };
  const counts = new Map<string, number>();
  let sampled = 0;
  for (const name of group.streamNames()) {
    const stream = group.stream(name) as LogStream;
    const events = stream.events;
    const start = events.indexOfTime(from);
    for (let index = events.indexOfTime(to + 1) - 1; index >= start && sampled < SAMPLE_LIMIT; index--) {
      const row = new EventRow(groupContext, stream, events.at(index) as StoredEvent);
      for (const [field] of row.entries()) counts.set(field, (counts.get(field) ?? 0) + 1);
      sampled++;
    }
  }
  const logGroupFields = [...counts]
    .map(([name, count]) => ({ name, percent: Math.round((count * 100) / sampled) }))
    .sort((a, b) => b.percent - a.percent || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { logGroupFields };
}
