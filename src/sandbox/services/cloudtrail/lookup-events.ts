/**
 * LookupEvents: the region's management events of the last 90 days (or its Insights events), newest
 * first, up to 50 a page, found by at most one lookup attribute. AWS reads only the first attribute of
 * the list and ignores the rest (https://github.com/guessi/cloudtrail-cli/issues/2), so the sandbox does.
 */
import { createHash } from 'node:crypto';
import type { RequestContext } from '../../core/context';
import { ServiceError, serializationError } from '../../core/errors';
import { InputReader } from '../../core/validation';
import { lookupOutput, type LookupEventOutput, type TrailEvent } from './events';
import { TRAIL_STORE } from './store';

export const LOOKUP_ATTRIBUTE_KEYS = ['EventId', 'EventName', 'ReadOnly', 'Username', 'ResourceType', 'ResourceName', 'EventSource', 'AccessKeyId'] as const;
export type LookupAttributeKey = (typeof LOOKUP_ATTRIBUTE_KEYS)[number];
/** The attributes Insights events can be looked up by. */
const INSIGHT_ATTRIBUTE_KEYS: readonly LookupAttributeKey[] = ['EventId', 'EventName', 'EventSource'];
export const EVENT_HISTORY_MS = 90 * 24 * 3600 * 1000;
export const LOOKUP_MAX_RESULTS = 50;

interface LookupAttribute {
  readonly key: LookupAttributeKey;
  readonly value: string;
}

function invalidAttributes(message: string): ServiceError {
  return new ServiceError('InvalidLookupAttributesException', message);
}

export function lookupEvents(body: unknown, context: RequestContext): { Events: LookupEventOutput[]; NextToken?: string } {
  const input = InputReader.of(body, 'InvalidLookupAttributesException');
  const attributes = (input.structureList('LookupAttributes') ?? []).map((item) => ({
    key: item.string('AttributeKey', { required: true, oneOf: LOOKUP_ATTRIBUTE_KEYS }) as LookupAttributeKey,
    value: item.string('AttributeValue', { required: true, min: 1, max: 2000 }) as string,
  }));
  const category = input.string('EventCategory');
  const nextToken = input.string('NextToken');
  const record = body as Record<string, unknown>;
  const maxResults = record['MaxResults'] ?? null;
  input.finish();
  if (category !== undefined && category !== 'insight') {
    throw new ServiceError('InvalidEventCategoryException', `Event category ${category} is not valid. The only valid event category is insight.`);
  }
  if (maxResults !== null && (typeof maxResults !== 'number' || !Number.isInteger(maxResults) || maxResults < 1 || maxResults > LOOKUP_MAX_RESULTS)) {
    if (typeof maxResults !== 'number') throw serializationError(`${typeof maxResults === 'string' ? 'STRING_VALUE' : 'START_OBJECT'} cannot be converted to Integer`);
    throw new ServiceError('InvalidMaxResultsException', `MaxResults must be between 1 and ${LOOKUP_MAX_RESULTS}, got ${maxResults}.`);
  }
  const attribute = attributes[0];
  if (attribute !== undefined) checkAttribute(attribute, category);

  const endTime = timeOf(record['EndTime'], 'EndTime') ?? context.now;
  const startTime = timeOf(record['StartTime'], 'StartTime') ?? context.now - EVENT_HISTORY_MS;
  if (startTime > endTime) throw new ServiceError('InvalidTimeRangeException', 'Start time must be before or equal to end time.');
  const from = Math.max(startTime, context.now - EVENT_HISTORY_MS);

  const query = queryId(attribute, category, startTime, endTime);
  const events = context.state.store(TRAIL_STORE).all();
  let position = lastAtOrBefore(events, endTime);
  if (nextToken !== undefined) position = resumePosition(events, nextToken, query);

  const wanted = typeof maxResults === 'number' ? maxResults : LOOKUP_MAX_RESULTS;
  const matches = matcher(attribute, category === 'insight' ? 'Insight' : 'Management');
  const found: TrailEvent[] = [];
  for (; position >= 0; position--) {
    const event = events[position] as TrailEvent;
    if (event.time < from) break;
    if (!matches(event)) continue;
    if (found.length === wanted) return { Events: found.map(lookupOutput), NextToken: encodeToken(found.at(-1) as TrailEvent, query) };
    found.push(event);
  }
  return { Events: found.map(lookupOutput) };
}

function checkAttribute({ key, value }: LookupAttribute, category: string | undefined): void {
  if (category === 'insight' && !INSIGHT_ATTRIBUTE_KEYS.includes(key)) {
    throw invalidAttributes(`Insights events can only be looked up by ${INSIGHT_ATTRIBUTE_KEYS.join(', ')}; ${key} is not supported.`);
  }
  if (key === 'ReadOnly' && value !== 'true' && value !== 'false') {
    throw invalidAttributes(`The value of the ReadOnly attribute must be true or false, got '${value}'.`);
  }
}

function matcher(attribute: LookupAttribute | undefined, category: TrailEvent['category']): (event: TrailEvent) => boolean {
  if (attribute === undefined) return (event) => event.category === category;
  const { key, value } = attribute;
  const test = ((): ((event: TrailEvent) => boolean) => {
    switch (key) {
      case 'EventId':
        return (event) => event.eventId === value;
      case 'EventName':
        return (event) => event.eventName === value;
      case 'ReadOnly':
        return (event) => String(event.readOnly) === value;
      case 'Username':
        return (event) => event.username === value;
      case 'ResourceType':
        return (event) => event.resources.some((resource) => resource.type === value);
      case 'ResourceName':
        return (event) => event.resources.some((resource) => resource.name === value);
      case 'EventSource':
        return (event) => event.eventSource === value;
      case 'AccessKeyId':
        return (event) => event.accessKeyId === value;
    }
  })();
  return (event) => event.category === category && test(event);
}

/** A timestamp member: AWS JSON 1.1 sends epoch seconds; an ISO-8601 string is read too, as AWS's parser does. */
function timeOf(value: unknown, name: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return Math.round(value * 1000);
  if (typeof value === 'string') {
    const parsed = Date.parse(value);
    if (!Number.isNaN(parsed)) return parsed;
  }
  throw serializationError(`The value of ${name} is not a timestamp: ${JSON.stringify(value)}`);
}

/** Index of the newest event at or before `time`, or -1. */
function lastAtOrBefore(events: readonly TrailEvent[], time: number): number {
  let low = 0;
  let high = events.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((events[middle] as TrailEvent).time <= time) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

/** Identifies a lookup's parameters: a token is good only for the lookup that gave it. */
function queryId(attribute: LookupAttribute | undefined, category: string | undefined, startTime: number, endTime: number): string {
  return createHash('sha256')
    .update(JSON.stringify([attribute?.key, attribute?.value, category, startTime, endTime]))
    .digest('base64url')
    .slice(0, 16);
}

function encodeToken(last: TrailEvent, query: string): string {
  return Buffer.from(JSON.stringify({ t: last.time, e: last.eventId, q: query })).toString('base64');
}

function invalidToken(): ServiceError {
  return new ServiceError('InvalidNextTokenException', 'Invalid NextToken. The token must be passed in with the same parameters that were specified in the original call.');
}

/** Where the page after the token's last event starts: the event before it, newest first. */
function resumePosition(events: readonly TrailEvent[], token: string, query: string): number {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
  } catch {
    throw invalidToken();
  }
  const { t, e, q } = (typeof decoded === 'object' && decoded !== null ? decoded : {}) as Record<string, unknown>;
  if (typeof t !== 'number' || typeof e !== 'string' || q !== query) throw invalidToken();
  for (let position = lastAtOrBefore(events, t); position >= 0 && (events[position] as TrailEvent).time === t; position--) {
    if ((events[position] as TrailEvent).eventId === e) return position - 1;
  }
  throw invalidToken();
}
