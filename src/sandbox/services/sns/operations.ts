/**
 * CreateTopic, DeleteTopic, ListTopics, Subscribe, ListSubscriptionsByTopic and Publish, with AWS's checks
 * and error messages (`InvalidParameter` "Invalid parameter: …", `NotFound` "Topic does not exist").
 */
import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../core/context';
import { decodeCursor, encodeCursor } from '../../core/cursor';
import { ServiceError } from '../../core/errors';
import { SNS_STORE, type MessageAttribute, type SnsStore, type Subscription, type Topic } from './store';

export const LIST_PAGE_SIZE = 100;
/** 256 KiB: the largest message SNS takes. */
export const MAX_MESSAGE_BYTES = 262_144;
const TOPIC_NAME = /^[A-Za-z0-9_-]{1,256}$/;
const FIFO_TOPIC_NAME = /^[A-Za-z0-9_-]{1,251}\.fifo$/;
const TOPIC_ARN = /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_.-]+$/;
const PROTOCOLS = ['http', 'https', 'email', 'email-json', 'sms', 'sqs', 'application', 'lambda', 'firehose'];
/** AWS delivers to these only once their owner confirms the subscription. */
const CONFIRMED_BY_OWNER = ['http', 'https', 'email', 'email-json'];

type Input = Readonly<Record<string, unknown>>;

export function invalidParameter(what: string): ServiceError {
  return new ServiceError('InvalidParameter', `Invalid parameter: ${what}`);
}

function topicNotFound(): ServiceError {
  return new ServiceError('NotFound', 'Topic does not exist', 404);
}

/** A required member left out: SNS answers as its request validation does. */
function missing(member: string): ServiceError {
  const field = member.charAt(0).toLowerCase() + member.slice(1);
  return new ServiceError('ValidationError', `1 validation error detected: Value null at '${field}' failed to satisfy constraint: Member must not be null`);
}

function asInput(value: unknown): Input {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Input) : {};
}

function optionalString(input: Input, member: string): string | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalidParameter(member);
  return value;
}

function requiredString(input: Input, member: string): string {
  const value = optionalString(input, member);
  if (value === undefined) throw missing(member);
  return value;
}

function stringMap(value: unknown, member: string): Record<string, string> {
  const map = asInput(value);
  for (const [key, entry] of Object.entries(map)) if (typeof entry !== 'string') throw invalidParameter(`${member} Reason: ${key}`);
  return map as Record<string, string>;
}

function tagsOf(value: unknown): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (!Array.isArray(value)) throw invalidParameter('Tags');
  const tags: Record<string, string> = {};
  for (const tag of value) {
    const { Key, Value } = asInput(tag);
    if (typeof Key !== 'string' || Key.length < 1 || Key.length > 128) throw invalidParameter('Tags Reason: Tag keys must be between 1 and 128 characters in length.');
    if (typeof Value !== 'string' || Value.length > 256) throw invalidParameter('Tags Reason: Tag values must be between 0 and 256 characters in length.');
    tags[Key] = Value;
  }
  if (Object.keys(tags).length > 50) throw invalidParameter('Tags Reason: Could not complete request: tag quota of per resource exceeded');
  return tags;
}

/** Whether every entry given agrees with what the topic has (creating it again without them is fine). */
function agrees(existing: Readonly<Record<string, string>>, given: Readonly<Record<string, string>>): boolean {
  return Object.entries(given).every(([key, value]) => existing[key] === value);
}

function store(context: RequestContext): SnsStore {
  return context.state.store(SNS_STORE);
}

/** The topic a `TopicArn` names; `NotFound` when there is none. */
function topicOf(context: RequestContext, arn: string, member = 'TopicArn'): Topic {
  if (!TOPIC_ARN.test(arn)) throw invalidParameter(member);
  const topic = store(context).get(arn);
  if (topic === undefined) throw topicNotFound();
  return topic;
}

export function createTopic(body: unknown, context: RequestContext): { TopicArn: string } {
  const input = asInput(body);
  const name = requiredString(input, 'Name');
  const attributes = stringMap(input.Attributes, 'Attributes');
  const tags = tagsOf(input.Tags);
  const fifo = attributes.FifoTopic === 'true';
  if (fifo ? !FIFO_TOPIC_NAME.test(name) : !TOPIC_NAME.test(name)) {
    throw invalidParameter(
      fifo
        ? 'Fifo Topic names must end with .fifo and must be made up of only uppercase and lowercase ASCII letters, numbers, underscores, and hyphens, and must be between 1 and 256 characters long.'
        : 'Topic Name',
    );
  }
  const topics = store(context);
  const arn = topics.arnOf(name);
  const existing = topics.get(arn);
  if (existing !== undefined) {
    if (!agrees(existing.attributes, attributes)) throw invalidParameter('Attributes Reason: Topic already exists with different attributes');
    if (!agrees(existing.tags, tags)) throw invalidParameter('Tags Reason: Topic already exists with different tags');
    return { TopicArn: arn };
  }
  topics.add({ arn, name, fifo, attributes, tags, createdAt: context.now, subscriptions: [], published: [] });
  return { TopicArn: arn };
}

/** Deleting a topic that does not exist succeeds, as on AWS. */
export function deleteTopic(body: unknown, context: RequestContext): undefined {
  const arn = requiredString(asInput(body), 'TopicArn');
  if (!TOPIC_ARN.test(arn)) throw invalidParameter('TopicArn');
  store(context).delete(arn);
  return undefined;
}

function isOffset(value: unknown): value is { o: number } {
  return typeof value === 'object' && value !== null && Number.isInteger((value as { o?: unknown }).o) && (value as { o: number }).o > 0;
}

/** One page of `items` from the offset a NextToken carries, and the token of the next page if there is one. */
function page<T>(items: readonly T[], nextToken: string | undefined): { items: readonly T[]; NextToken?: string } {
  const offset = nextToken === undefined ? 0 : decodeCursor(nextToken, isOffset, () => invalidParameter('NextToken')).o;
  const end = offset + LIST_PAGE_SIZE;
  return { items: items.slice(offset, end), ...(end < items.length ? { NextToken: encodeCursor({ o: end }) } : {}) };
}

export function listTopics(body: unknown, context: RequestContext): { Topics: { TopicArn: string }[]; NextToken?: string } {
  const { items, NextToken } = page(store(context).all(), optionalString(asInput(body), 'NextToken'));
  return { Topics: items.map((topic) => ({ TopicArn: topic.arn })), ...(NextToken === undefined ? {} : { NextToken }) };
}

function checkEndpoint(protocol: string, endpoint: string | undefined): string {
  if (endpoint === undefined || endpoint === '') throw invalidParameter('Endpoint');
  switch (protocol) {
    case 'email':
    case 'email-json':
      if (!/^[^@\s]+@[^@\s]+$/.test(endpoint)) throw invalidParameter('Email address');
      break;
    case 'http':
    case 'https':
      if (!endpoint.toLowerCase().startsWith(`${protocol}://`)) throw invalidParameter('Endpoint must match the specified protocol');
      break;
    case 'sqs':
      if (!/^arn:aws[a-z-]*:sqs:/.test(endpoint)) throw invalidParameter('SQS endpoint ARN');
      break;
    case 'lambda':
      if (!/^arn:aws[a-z-]*:lambda:/.test(endpoint)) throw invalidParameter('Lambda endpoint ARN');
      break;
    case 'sms':
      if (!/^\+?[0-9]{5,15}$/.test(endpoint.replace(/[\s()-]/g, ''))) throw invalidParameter('Invalid SMS endpoint');
      break;
  }
  return endpoint;
}

export function subscribe(body: unknown, context: RequestContext): { SubscriptionArn: string } {
  const input = asInput(body);
  const topicArn = requiredString(input, 'TopicArn');
  const protocol = requiredString(input, 'Protocol');
  if (!PROTOCOLS.includes(protocol)) throw invalidParameter(`Amazon SNS does not support this protocol string: ${protocol}`);
  const endpoint = checkEndpoint(protocol, optionalString(input, 'Endpoint'));
  stringMap(input.Attributes, 'Attributes');
  const topic = topicOf(context, topicArn);
  let subscription = topic.subscriptions.find((s) => s.protocol === protocol && s.endpoint === endpoint);
  if (subscription === undefined) {
    subscription = { arn: `${topic.arn}:${randomUUID()}`, protocol, endpoint, pendingConfirmation: CONFIRMED_BY_OWNER.includes(protocol) };
    topic.subscriptions.push(subscription);
  }
  const returnArn = input.ReturnSubscriptionArn === true;
  return { SubscriptionArn: subscription.pendingConfirmation && !returnArn ? 'pending confirmation' : subscription.arn };
}

export function listSubscriptionsByTopic(
  body: unknown,
  context: RequestContext,
): { Subscriptions: { SubscriptionArn: string; Owner: string; Protocol: string; Endpoint: string; TopicArn: string }[]; NextToken?: string } {
  const input = asInput(body);
  const topic = topicOf(context, requiredString(input, 'TopicArn'));
  const { items, NextToken } = page<Subscription>(topic.subscriptions, optionalString(input, 'NextToken'));
  return {
    Subscriptions: items.map((s) => ({
      SubscriptionArn: s.pendingConfirmation ? 'PendingConfirmation' : s.arn,
      Owner: context.accountId,
      Protocol: s.protocol,
      Endpoint: s.endpoint,
      TopicArn: topic.arn,
    })),
    ...(NextToken === undefined ? {} : { NextToken }),
  };
}

const ATTRIBUTE_TYPES = /^(String|Number|Binary)(\..+)?$|^String\.Array$/;

function messageAttributesOf(value: unknown): Record<string, MessageAttribute> {
  const attributes: Record<string, MessageAttribute> = {};
  const entries = Object.entries(asInput(value));
  if (entries.length > 10) throw invalidParameter(`Number of message attributes [${entries.length}] exceeds the allowed maximum [10].`);
  for (const [name, raw] of entries) {
    const { DataType, StringValue, BinaryValue } = asInput(raw);
    if (typeof DataType !== 'string' || DataType === '') throw invalidParameter(`The message attribute '${name}' must contain non-empty message attribute type.`);
    if (!ATTRIBUTE_TYPES.test(DataType)) throw invalidParameter(`The message attribute '${name}' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.`);
    const binary = DataType.startsWith('Binary');
    const text = binary ? BinaryValue : StringValue;
    if (typeof text !== 'string' || text === '') {
      throw invalidParameter(`The message attribute '${name}' must contain non-empty message attribute value for message attribute type '${DataType.split('.')[0]}'.`);
    }
    if (DataType.startsWith('Number') && !Number.isFinite(Number(text))) {
      throw invalidParameter(`Could not cast message attribute '${name}' value to number.`);
    }
    attributes[name] = binary ? { DataType, BinaryValue: text } : { DataType, StringValue: text };
  }
  return attributes;
}

/** With `MessageStructure: json` the message is a JSON object with a `default` message (and one per protocol). */
function checkJsonStructure(message: string): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(message);
  } catch {
    throw invalidParameter('Message Structure - JSON message body failed to parse');
  }
  const object = asInput(parsed);
  if (typeof object.default !== 'string') throw invalidParameter('Message Structure - No default entry in JSON message body');
}

export function publish(body: unknown, context: RequestContext): { MessageId: string; SequenceNumber?: string } {
  const input = asInput(body);
  const targetArn = optionalString(input, 'TopicArn') ?? optionalString(input, 'TargetArn');
  if (targetArn === undefined) {
    throw invalidParameter(optionalString(input, 'PhoneNumber') === undefined ? 'TopicArn or TargetArn Reason: no value for required parameter' : 'PhoneNumber Reason: SMS is not available in the sandbox');
  }
  const message = requiredString(input, 'Message');
  if (message === '') throw invalidParameter('Empty message');
  if (Buffer.byteLength(message, 'utf8') > MAX_MESSAGE_BYTES) throw invalidParameter('Message too long');
  const subject = optionalString(input, 'Subject');
  // Subjects are ASCII text up to 100 characters, without line breaks.
  if (subject !== undefined && (subject === '' || subject.length > 100 || !/^[\x20-\x7E]+$/.test(subject))) throw invalidParameter('Subject');
  const structure = optionalString(input, 'MessageStructure');
  if (structure !== undefined) {
    if (structure !== 'json') throw invalidParameter(`Invalid value [${structure}] for MessageStructure. Valid values: [json].`);
    checkJsonStructure(message);
  }
  const messageAttributes = messageAttributesOf(input.MessageAttributes);
  const topic = topicOf(context, targetArn, input.TopicArn === undefined ? 'TargetArn' : 'TopicArn');
  const messageGroupId = optionalString(input, 'MessageGroupId');
  const deduplicationId = optionalString(input, 'MessageDeduplicationId');
  if (topic.fifo) {
    if (messageGroupId === undefined) throw invalidParameter('The MessageGroupId parameter is required for FIFO topics');
    if (deduplicationId === undefined && topic.attributes.ContentBasedDeduplication !== 'true') {
      throw invalidParameter('The topic should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly');
    }
  }
  const messageId = randomUUID();
  const sequenceNumber = topic.fifo ? String(topic.published.length + 1).padStart(20, '0') : undefined;
  topic.published.push({
    messageId,
    timestamp: context.now,
    message,
    messageAttributes,
    ...(subject === undefined ? {} : { subject }),
    ...(messageGroupId === undefined ? {} : { messageGroupId }),
    ...(sequenceNumber === undefined ? {} : { sequenceNumber }),
  });
  return { MessageId: messageId, ...(sequenceNumber === undefined ? {} : { SequenceNumber: sequenceNumber }) };
}
