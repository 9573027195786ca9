/**
 * SNS's state in one region: topics (in creation order, as ListTopics pages them), their subscriptions, and
 * every message published to each, so the app and tests can show what an alarm sent.
 */
import type { RegionalStore } from '../../state';

export interface MessageAttribute {
  readonly DataType: string;
  readonly StringValue?: string;
  /** Base64, as it came. */
  readonly BinaryValue?: string;
}

export interface PublishedMessage {
  readonly messageId: string;
  /** Epoch milliseconds. */
  readonly timestamp: number;
  readonly message: string;
  readonly subject?: string;
  readonly messageAttributes: Readonly<Record<string, MessageAttribute>>;
  /** FIFO topics only. */
  readonly messageGroupId?: string;
  readonly sequenceNumber?: string;
}

export interface Subscription {
  readonly arn: string;
  readonly protocol: string;
  readonly endpoint: string;
  /** Email and HTTP(S) endpoints must confirm before AWS delivers to them. */
  readonly pendingConfirmation: boolean;
}

export interface Topic {
  readonly arn: string;
  readonly name: string;
  readonly fifo: boolean;
  readonly attributes: Readonly<Record<string, string>>;
  readonly tags: Readonly<Record<string, string>>;
  readonly createdAt: number;
  readonly subscriptions: Subscription[];
  readonly published: PublishedMessage[];
}

export class SnsStore {
  private readonly topics = new Map<string, Topic>();

  constructor(
    readonly accountId: string,
    readonly region: string,
  ) {}

  arnOf(name: string): string {
    return `arn:aws:sns:${this.region}:${this.accountId}:${name}`;
  }

  get(arn: string): Topic | undefined {
    return this.topics.get(arn);
  }

  add(topic: Topic): void {
    this.topics.set(topic.arn, topic);
  }

  delete(arn: string): void {
    this.topics.delete(arn);
  }

  /** Every topic, oldest first. */
  all(): readonly Topic[] {
    return [...this.topics.values()];
  }

  /** What was published to a topic, oldest first; empty for a topic that does not exist (any more). */
  published(topicArn: string): readonly PublishedMessage[] {
    return this.topics.get(topicArn)?.published ?? [];
  }
}

export const SNS_STORE: RegionalStore<SnsStore> = {
  create: (accountId, region) => new SnsStore(accountId, region),
  seed(store, data) {
    for (const topic of data.snsTopics?.(store.accountId) ?? []) store.add(topic);
  },
};
