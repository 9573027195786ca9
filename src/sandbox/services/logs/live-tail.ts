/**
 * What one live tail session sees of a region's ingestion: the events stored in its log groups (in the
 * streams it names, or whose names start with its prefixes, including streams created after it started)
 * that match its filter pattern, gathered between two updates. An update carries at most 500 of them: when
 * more matched, a uniform sample (reservoir sampling, so memory stays bounded however many arrive), not
 * the first 500.
 */
import { LIVE_TAIL_MAX_EVENTS_PER_UPDATE } from '../../../shared/contract/logs-rules';
import { matchesFilterPattern, type FilterPattern } from '../../../shared/languages/filter-pattern';
import type { IngestListener, LogGroup } from './store';

export interface LiveTailFilter {
  readonly groups: readonly LogGroup[];
  /** Only these streams (one group only). */
  readonly streamNames?: readonly string[];
  /** Only streams whose names start with one of these (one group only). */
  readonly streamNamePrefixes?: readonly string[];
  readonly pattern: FilterPattern;
}

/** A `LiveTailSessionLogEvent`. */
export interface LiveTailEvent {
  readonly logStreamName: string;
  /** `<account>:<group name>`, as AWS names the group an event came from. */
  readonly logGroupIdentifier: string;
  readonly message: string;
  readonly timestamp: number;
  readonly ingestionTime: number;
}

/** A `LiveTailSessionUpdate`. */
export interface LiveTailUpdate {
  readonly sessionMetadata: { readonly sampled: boolean };
  readonly sessionResults: LiveTailEvent[];
}

interface Candidate {
  readonly event: LiveTailEvent;
  /** Arrival order, to keep events of the same millisecond in the order they were stored. */
  readonly arrival: number;
}

export class LiveTailCollector {
  private readonly groups: ReadonlySet<LogGroup>;
  private readonly streamNames: ReadonlySet<string> | undefined;
  private sample: Candidate[] = [];
  private matched = 0;
  private arrivals = 0;

  constructor(
    private readonly filter: LiveTailFilter,
    private readonly accountId: string,
    /** Uniform in [0, 1); injected so tests can sample deterministically. */
    private readonly random: () => number = Math.random,
    private readonly capacity = LIVE_TAIL_MAX_EVENTS_PER_UPDATE,
  ) {
    this.groups = new Set(filter.groups);
    this.streamNames = filter.streamNames === undefined ? undefined : new Set(filter.streamNames);
  }

  /** Subscribe this to the region's `LogsStore.onIngest`. */
  readonly offer: IngestListener = (group, stream, events) => {
    if (!this.groups.has(group) || !this.wantsStream(stream.name)) return;
    const logGroupIdentifier = `${this.accountId}:${group.name}`;
    for (const event of events) {
      if (!matchesFilterPattern(this.filter.pattern, event.message)) continue;
      const candidate: Candidate = {
        event: { logStreamName: stream.name, logGroupIdentifier, message: event.message, timestamp: event.timestamp, ingestionTime: event.ingestionTime },
        arrival: this.arrivals++,
      };
      this.matched++;
      if (this.sample.length < this.capacity) {
        this.sample.push(candidate);
      } else {
        const slot = Math.floor(this.random() * this.matched);
        if (slot < this.capacity) this.sample[slot] = candidate;
      }
    }
  };

  /** The events matched since the previous update, in time order, sampled when there were too many. */
  takeUpdate(): LiveTailUpdate {
    const sampled = this.matched > this.capacity;
    const taken = this.sample.sort((a, b) => a.event.timestamp - b.event.timestamp || a.arrival - b.arrival);
    this.sample = [];
    this.matched = 0;
    return { sessionMetadata: { sampled }, sessionResults: taken.map((candidate) => candidate.event) };
  }

  private wantsStream(name: string): boolean {
    if (this.streamNames !== undefined) return this.streamNames.has(name);
    const prefixes = this.filter.streamNamePrefixes;
    return prefixes === undefined || prefixes.some((prefix) => name.startsWith(prefix));
  }
}
