/**
 * Reads a query's events: every stream of its groups within [start, end] (milliseconds, inclusive), merged
 * in time order, counting what it scans. Done in steps, so a long scan can yield between them.
 */
import { MergedEvents } from '../merge';
import type { LogGroup, LogStream } from '../store';
import type { StoredEvent } from '../stream-events';
import type { QueryExecution } from './compile-query';
import { isLambdaGroup } from './discovered-fields';
import { EventRow, type GroupContext } from './row';

export class QueryScan {
  private readonly merged: MergedEvents;
  private readonly contexts = new Map<LogStream, GroupContext>();
  private row: EventRow | undefined;
  scanned = 0;
  bytes = 0;

  constructor(groups: readonly LogGroup[], accountId: string, startMs: number, endMs: number) {
    const streams: LogStream[] = [];
    for (const group of groups) {
      const context: GroupContext = { group, logId: `${accountId}:${group.name}`, lambda: isLambdaGroup(group.name) };
      for (const name of group.streamNames()) {
        const stream = group.stream(name) as LogStream;
        if (stream.lastEventTimestamp === undefined || stream.lastEventTimestamp < startMs || (stream.firstEventTimestamp ?? 0) > endMs) continue;
        streams.push(stream);
        this.contexts.set(stream, context);
      }
    }
    this.merged = new MergedEvents(streams, startMs, endMs, undefined);
  }

  get done(): boolean {
    return this.merged.done;
  }

  /** Feeds up to `budget` events to the execution; true once every event has been read, or the execution needs no more. */
  step(execution: QueryExecution, budget: number): boolean {
    const merged = this.merged;
    if (execution.saturated) return true;
    let stream: LogStream | undefined;
    let context: GroupContext | undefined;
    for (let count = 0; count < budget && !merged.done; count++) {
      const event = merged.event as StoredEvent;
      const next = merged.stream as LogStream;
      if (next !== stream) {
        stream = next;
        context = this.contexts.get(stream) as GroupContext;
      }
      const row = this.row;
      if (row === undefined) this.row = new EventRow(context as GroupContext, stream, event);
      else row.reset(context as GroupContext, stream, event);
      this.scanned++;
      this.bytes += event.size;
      execution.push(this.row as EventRow);
      merged.advance();
      if (execution.saturated) return true;
    }
    return merged.done;
  }
}
