/**
 * Event history's events as the app shows them: the fields of LookupEvents' answer and of the record
 * it carries (`CloudTrailEvent`), and the attributes main applies itself to what AWS returned.
 */
import type { Event } from '@aws-sdk/client-cloudtrail';
import type { LookupAttribute, TrailEvent } from '../../../shared/contract';

export function toTrailEvent(event: Event): TrailEvent {
  const record = event.CloudTrailEvent ?? '{}';
  const parsed = parseRecord(record);
  const identity = asObject(parsed['userIdentity']);
  const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
  const readOnly = event.ReadOnly === 'true' ? true : event.ReadOnly === 'false' ? false : typeof parsed['readOnly'] === 'boolean' ? parsed['readOnly'] : undefined;
  const fields: Record<string, unknown> = {
    eventId: event.EventId ?? text(parsed['eventID']) ?? '',
    eventTime: event.EventTime?.getTime() ?? (Date.parse(String(parsed['eventTime'])) || 0),
    eventName: event.EventName ?? text(parsed['eventName']) ?? '',
    eventSource: event.EventSource ?? text(parsed['eventSource']) ?? '',
    username: text(event.Username),
    accessKeyId: text(event.AccessKeyId) ?? text(identity['accessKeyId']),
    readOnly,
    resources: (event.Resources ?? []).map((resource) => ({ ...(resource.ResourceType ? { type: resource.ResourceType } : {}), name: resource.ResourceName ?? '' })),
    region: text(parsed['awsRegion']),
    errorCode: text(parsed['errorCode']),
    errorMessage: text(parsed['errorMessage']),
    sourceIPAddress: text(parsed['sourceIPAddress']),
    userAgent: text(parsed['userAgent']),
    identityType: text(identity['type']),
    record,
  };
  // Absent, not undefined: the event crosses to the window as JSON.
  for (const [key, value] of Object.entries(fields)) if (value === undefined) delete fields[key];
  return fields as unknown as TrailEvent;
}

/** Whether an event has an attribute, as LookupEvents would judge it. */
export function hasAttribute(event: TrailEvent, { key, value }: LookupAttribute): boolean {
  switch (key) {
    case 'EventId':
      return event.eventId === value;
    case 'EventName':
      return event.eventName === value;
    case 'ReadOnly':
      return String(event.readOnly) === value;
    case 'Username':
      return event.username === value;
    case 'ResourceType':
      return event.resources.some((resource) => resource.type === value);
    case 'ResourceName':
      return event.resources.some((resource) => resource.name === value);
    case 'EventSource':
      return event.eventSource === value;
    case 'AccessKeyId':
      return event.accessKeyId === value;
  }
}

function parseRecord(text: string): Record<string, unknown> {
  try {
    return asObject(JSON.parse(text));
  } catch {
    return {};
  }
}

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
