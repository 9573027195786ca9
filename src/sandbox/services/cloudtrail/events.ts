/**
 * An event as CloudTrail keeps it for event history: the record as a trail's log files hold it, and
 * what LookupEvents finds it by and answers with (`Username`, `AccessKeyId`, `ReadOnly`, `Resources`).
 */
export interface LookupResource {
  /** `AWS::Logs::LogGroup` */
  readonly type: string;
  readonly name: string;
}

export type EventCategory = 'Management' | 'Insight';

export interface TrailEvent {
  /** Epoch milliseconds (CloudTrail's times are whole seconds). */
  readonly time: number;
  readonly eventId: string;
  readonly eventName: string;
  readonly eventSource: string;
  readonly readOnly: boolean;
  readonly username: string | undefined;
  readonly accessKeyId: string | undefined;
  readonly category: EventCategory;
  readonly resources: readonly LookupResource[];
  /** The record, as in a trail's log files: `eventVersion`, `userIdentity`, `eventTime`, … */
  readonly record: Readonly<Record<string, unknown>>;
}

/** A CloudTrail record as LookupEvents answers it (AWS JSON 1.1: times in epoch seconds). */
export interface LookupEventOutput {
  readonly EventId: string;
  readonly EventName: string;
  readonly ReadOnly: string;
  readonly AccessKeyId?: string;
  readonly EventTime: number;
  readonly EventSource: string;
  readonly Username?: string;
  readonly Resources: readonly { readonly ResourceType: string; readonly ResourceName: string }[];
  readonly CloudTrailEvent: string;
}

/** Reads what event history indexes from a record. */
export function trailEvent(time: number, record: Readonly<Record<string, unknown>>, resources: readonly LookupResource[]): TrailEvent {
  const identity = asRecord(record['userIdentity']);
  return {
    time,
    eventId: String(record['eventID']),
    eventName: String(record['eventName']),
    eventSource: String(record['eventSource']),
    readOnly: record['readOnly'] === true,
    username: usernameOf(identity),
    accessKeyId: typeof identity['accessKeyId'] === 'string' && identity['accessKeyId'] !== '' ? identity['accessKeyId'] : undefined,
    category: record['eventCategory'] === 'Insight' ? 'Insight' : 'Management',
    resources,
    record,
  };
}

/**
 * The user name event history shows: an IAM user's name, a role session's name, `root`, a federated
 * user's name, the web identity's subject, or the AWS service that acted.
 */
export function usernameOf(identity: Readonly<Record<string, unknown>>): string | undefined {
  const text = (key: string): string | undefined => (typeof identity[key] === 'string' ? (identity[key] as string) : undefined);
  const arn = text('arn') ?? '';
  switch (identity['type']) {
    case 'Root':
      return 'root';
    case 'IAMUser':
      return text('userName') ?? arn.slice(arn.lastIndexOf('/') + 1);
    case 'AssumedRole':
    case 'FederatedUser':
      return arn.slice(arn.lastIndexOf('/') + 1) || undefined;
    case 'AWSService':
      return text('invokedBy');
    default:
      return text('userName');
  }
}

const json = new WeakMap<TrailEvent, string>();

export function lookupOutput(event: TrailEvent): LookupEventOutput {
  let text = json.get(event);
  if (text === undefined) {
    text = JSON.stringify(event.record);
    json.set(event, text);
  }
  return {
    EventId: event.eventId,
    EventName: event.eventName,
    ReadOnly: String(event.readOnly),
    ...(event.accessKeyId === undefined ? {} : { AccessKeyId: event.accessKeyId }),
    EventTime: event.time / 1000,
    EventSource: event.eventSource,
    ...(event.username === undefined ? {} : { Username: event.username }),
    Resources: event.resources.map((resource) => ({ ResourceType: resource.type, ResourceName: resource.name })),
    CloudTrailEvent: text,
  };
}

function asRecord(value: unknown): Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
