/**
 * A row as a query's commands see it: a log event with its built-in, discovered and assigned fields, or,
 * after `stats`, a group's values. Event rows are reused from event to event while commands read them;
 * `snapshot()` keeps one that outlives its turn (for sort, dedup and results).
 */
import type { LogGroup, LogStream } from '../store';
import type { StoredEvent } from '../stream-events';
import { discoverFields, type DiscoveredFields } from './discovered-fields';
import type { Value } from './values';

export interface Row {
  get(name: string): Value;
  set(name: string, value: Value): void;
  /** Every field that has a value, in the order results show them. */
  entries(): Array<readonly [string, Value]>;
  snapshot(): Row;
  /** The log event the row is, for `@ptr`; undefined for rows `stats` made. */
  readonly origin: EventOrigin | undefined;
}

export interface EventOrigin {
  readonly group: LogGroup;
  readonly stream: LogStream;
  readonly event: StoredEvent;
}

/** What every event of one group shares. */
export interface GroupContext {
  readonly group: LogGroup;
  /** `@log`: `<account ID>:<group name>`. */
  readonly logId: string;
  readonly lambda: boolean;
}

export class EventRow implements Row {
  private discovered: DiscoveredFields | undefined;
  private assigned: Map<string, Value> | undefined;

  constructor(
    private context: GroupContext,
    private stream: LogStream,
    private event: StoredEvent,
  ) {}

  /** Makes this row the next event, forgetting the previous one's fields. */
  reset(context: GroupContext, stream: LogStream, event: StoredEvent): void {
    this.context = context;
    this.stream = stream;
    this.event = event;
    this.discovered = undefined;
    this.assigned = undefined;
  }

  get origin(): EventOrigin {
    return { group: this.context.group, stream: this.stream, event: this.event };
  }

  get timestamp(): number {
    return this.event.timestamp;
  }

  get message(): string {
    return this.event.message;
  }

  get(name: string): Value {
    if (this.assigned !== undefined && this.assigned.has(name)) return this.assigned.get(name);
    switch (name) {
      case '@message':
        return this.event.message;
      case '@timestamp':
        return this.event.timestamp;
      case '@ingestionTime':
        return this.event.ingestionTime;
      case '@logStream':
        return this.stream.name;
      case '@log':
        return this.context.logId;
      default:
        return this.discover().get(name);
    }
  }

  set(name: string, value: Value): void {
    (this.assigned ??= new Map()).set(name, value);
  }

  entries(): Array<readonly [string, Value]> {
    const fields = new Map<string, Value>([
      ['@timestamp', this.event.timestamp],
      ['@message', this.event.message],
      ['@logStream', this.stream.name],
      ['@log', this.context.logId],
      ['@ingestionTime', this.event.ingestionTime],
    ]);
    for (const [name, value] of this.discover()) fields.set(name, value);
    if (this.assigned !== undefined) for (const [name, value] of this.assigned) fields.set(name, value);
    return [...fields].filter(([, value]) => value !== undefined);
  }

  snapshot(): EventRow {
    const copy = new EventRow(this.context, this.stream, this.event);
    copy.discovered = this.discovered;
    if (this.assigned !== undefined) copy.assigned = new Map(this.assigned);
    return copy;
  }

  private discover(): DiscoveredFields {
    return (this.discovered ??= discoverFields(this.event.message, this.context.lambda));
  }
}

/** A row `stats` made: its groups' values and aggregations, by column name. */
export class ValuesRow implements Row {
  constructor(private readonly values: Map<string, Value>) {}

  get origin(): undefined {
    return undefined;
  }

  get(name: string): Value {
    return this.values.get(name);
  }

  set(name: string, value: Value): void {
    this.values.set(name, value);
  }

  entries(): Array<readonly [string, Value]> {
    return [...this.values].filter(([, value]) => value !== undefined);
  }

  snapshot(): ValuesRow {
    return new ValuesRow(new Map(this.values));
  }
}
