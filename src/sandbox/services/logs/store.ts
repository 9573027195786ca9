/**
 * CloudWatch Logs state of one account in one region: log groups, their streams, and the streams' events.
 * No validation here (operations validate); tests and seeds use this directly to build state quickly.
 */
import { partitionOf } from '../../core/partition';
import { SortedNames } from '../../core/sorted';
import type { RegionalStore } from '../../state';
import type { MetricsStore } from '../cloudwatch/store';
import { emitMetricFilterData, type MetricFilter } from './metric-filters';
import { loadLogGroups } from './seed';
import { compareKeys, StreamEvents, type StoredEvent } from './stream-events';

export type LogGroupClass = 'STANDARD' | 'INFREQUENT_ACCESS' | 'DELIVERY';

export interface NewLogGroup {
  readonly name: string;
  readonly creationTime: number;
  readonly retentionInDays?: number;
  readonly logGroupClass?: LogGroupClass;
  readonly kmsKeyId?: string;
  readonly tags?: Readonly<Record<string, string>>;
  readonly deletionProtectionEnabled?: boolean;
}

/** An event on its way in; `size` is the message's UTF-8 byte length. */
export interface IncomingEvent {
  readonly timestamp: number;
  readonly message: string;
  readonly size: number;
}

/** Told of every batch a stream stores, as stored (sorted, with ingestion times): live tail listens. */
export type IngestListener = (group: LogGroup, stream: LogStream, events: readonly StoredEvent[]) => void;

export class LogsStore {
  private readonly groups = new Map<string, LogGroup>();
  private readonly names = new SortedNames();
  private readonly ingestListeners = new Set<IngestListener>();
  private nextStreamSerial = 1;
  /** The region's metrics, where metric filters publish; attached when the first filter is put. */
  private metrics: MetricsStore | undefined;

  constructor(
    readonly accountId: string,
    readonly region: string,
  ) {}

  get groupCount(): number {
    return this.groups.size;
  }

  group(name: string): LogGroup | undefined {
    return this.groups.get(name);
  }

  /** Group names in ASCII order. Do not modify. */
  groupNames(): readonly string[] {
    return this.names.view();
  }

  /** Index of the first group name after `name` in `groupNames()`. */
  groupIndexAfter(name: string): number {
    return this.names.indexAfter(name);
  }

  /** Index of the first group name not less than `name` in `groupNames()`. */
  groupIndexOf(name: string): number {
    return this.names.indexOf(name);
  }

  createGroup(spec: NewLogGroup): LogGroup {
    return this.createGroups([spec])[0] as LogGroup;
  }

  /** Creates many groups at once (sorting the name index once); none may exist yet. */
  createGroups(specs: readonly NewLogGroup[]): LogGroup[] {
    const names = new Set<string>();
    for (const { name } of specs) {
      if (this.groups.has(name) || names.has(name)) throw new Error(`Log group ${name} already exists`);
      names.add(name);
    }
    const created = specs.map((spec) => {
      const group = new LogGroup(spec, this.groupArn(spec.name), () => this.nextStreamSerial++, this.notifyIngest);
      this.groups.set(spec.name, group);
      return group;
    });
    const [only] = specs;
    if (specs.length === 1 && only !== undefined) this.names.insert(only.name);
    else if (specs.length > 1) this.names.insertMany([...names]);
    return created;
  }

  deleteGroup(name: string): void {
    if (this.groups.delete(name)) this.names.remove(name);
  }

  /** Calls `listener` for every batch stored from now on, until the returned function is called. */
  onIngest(listener: IngestListener): () => void {
    this.ingestListeners.add(listener);
    return () => this.ingestListeners.delete(listener);
  }

  /** Lets metric filters publish to the region's metrics from now on. */
  attachMetrics(metrics: MetricsStore): void {
    this.metrics = metrics;
  }

  /** Every stored batch passes here (PutLogEvents and the demo's live trickle alike), so filters see each new event once. */
  private readonly notifyIngest: IngestListener = (group, stream, events) => {
    const [first] = events;
    if (group.metricFilters.size > 0 && this.metrics !== undefined && first !== undefined) {
      emitMetricFilterData(group.metricFilters.values(), events, this.metrics, first.ingestionTime);
    }
    for (const listener of this.ingestListeners) listener(group, stream, events);
  };

  /** The ARN without the trailing `:*`. */
  groupArn(name: string): string {
    return `arn:${partitionOf(this.region)}:logs:${this.region}:${this.accountId}:log-group:${name}`;
  }
}

export class LogGroup {
  readonly name: string;
  readonly arn: string;
  readonly creationTime: number;
  retentionInDays: number | undefined;
  readonly logGroupClass: LogGroupClass;
  readonly kmsKeyId: string | undefined;
  readonly tags: Readonly<Record<string, string>>;
  readonly deletionProtectionEnabled: boolean;
  storedBytes = 0;
  /** By filter name; a Map keeps them in creation order, DescribeMetricFilters sorts by name. */
  readonly metricFilters = new Map<string, MetricFilter>();
  private readonly streams = new Map<string, LogStream>();
  private readonly names = new SortedNames();
  private byLastEvent: LogStream[] | undefined;

  constructor(
    spec: NewLogGroup,
    arn: string,
    private readonly nextStreamSerial: () => number,
    private readonly notifyIngest: IngestListener,
  ) {
    this.name = spec.name;
    this.arn = arn;
    this.creationTime = spec.creationTime;
    this.retentionInDays = spec.retentionInDays;
    this.logGroupClass = spec.logGroupClass ?? 'STANDARD';
    this.kmsKeyId = spec.kmsKeyId;
    this.tags = { ...spec.tags };
    this.deletionProtectionEnabled = spec.deletionProtectionEnabled ?? false;
  }

  get streamCount(): number {
    return this.streams.size;
  }

  stream(name: string): LogStream | undefined {
    return this.streams.get(name);
  }

  createStream(name: string, creationTime: number): LogStream {
    if (this.streams.has(name)) throw new Error(`Log stream ${name} already exists in ${this.name}`);
    const stream = new LogStream(name, `${this.arn}:log-stream:${name}`, creationTime, this.nextStreamSerial());
    this.streams.set(name, stream);
    this.names.insert(name);
    this.byLastEvent = undefined;
    return stream;
  }

  /** Stream names in ASCII order. Do not modify. */
  streamNames(): readonly string[] {
    return this.names.view();
  }

  streamIndexOf(name: string): number {
    return this.names.indexOf(name);
  }

  streamIndexAfter(name: string): number {
    return this.names.indexAfter(name);
  }

  /**
   * Streams ordered by last event time (streams without events first), then name. Cached until an
   * event moves some stream's last event time.
   */
  streamsByLastEventTime(): readonly LogStream[] {
    if (this.byLastEvent === undefined) {
      this.byLastEvent = [...this.streams.values()].sort(
        (a, b) => lastEventOrder(a) - lastEventOrder(b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
      );
    }
    return this.byLastEvent;
  }

  /** Stores events (sorted by timestamp among themselves) in a stream of this group. */
  ingest(stream: LogStream, events: readonly IncomingEvent[], ingestionTimeOf: (event: IncomingEvent) => number): void {
    const previousLast = stream.lastEventTimestamp;
    const stored = stream.append(events, ingestionTimeOf);
    for (const event of stored) this.storedBytes += event.size;
    if (stream.lastEventTimestamp !== previousLast) this.byLastEvent = undefined;
    if (stored.length > 0) this.notifyIngest(this, stream, stored);
  }
}

export class LogStream {
  readonly events = new StreamEvents();
  firstEventTimestamp: number | undefined;
  lastEventTimestamp: number | undefined;
  lastIngestionTime: number | undefined;
  /** Counts accepted PutLogEvents batches; the (ignored) sequence tokens are derived from it. */
  uploads = 0;
  private nextSequence = 1;

  constructor(
    readonly name: string,
    readonly arn: string,
    readonly creationTime: number,
    /** Unique among the region's streams; part of event IDs. */
    readonly serial: number,
  ) {}

  /** Stores events sorted by timestamp; returns them as stored. */
  append(events: readonly IncomingEvent[], ingestionTimeOf: (event: IncomingEvent) => number): readonly StoredEvent[] {
    if (events.length === 0) return [];
    const stored: StoredEvent[] = new Array<StoredEvent>(events.length);
    let inOrder = true;
    events.forEach((event, index) => {
      const ingestionTime = ingestionTimeOf(event);
      this.firstEventTimestamp = Math.min(this.firstEventTimestamp ?? event.timestamp, event.timestamp);
      this.lastEventTimestamp = Math.max(this.lastEventTimestamp ?? event.timestamp, event.timestamp);
      this.lastIngestionTime = Math.max(this.lastIngestionTime ?? ingestionTime, ingestionTime);
      const entry: StoredEvent = { timestamp: event.timestamp, message: event.message, size: event.size, ingestionTime, sequence: this.nextSequence++ };
      stored[index] = entry;
      if (index > 0 && compareKeys(stored[index - 1] as StoredEvent, entry) > 0) inOrder = false;
    });
    // A batch is sorted by timestamp, but ingestion times may differ per event (seeds).
    if (!inOrder) stored.sort(compareKeys);
    this.events.insertSorted(stored);
    this.uploads++;
    return stored;
  }
}

function lastEventOrder(stream: LogStream): number {
  return stream.lastEventTimestamp ?? Number.MIN_SAFE_INTEGER;
}

/** Each region's CloudWatch Logs state; seed data's log groups go here. */
export const LOGS_STORE: RegionalStore<LogsStore> = {
  create: (accountId, region) => new LogsStore(accountId, region),
  seed: (logs, data, now) => loadLogGroups(logs, data.logGroups, now),
};
