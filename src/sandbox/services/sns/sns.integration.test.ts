/**
 * The sandbox's SNS through the SDK for JavaScript v3 (@aws-sdk/client-sns, the query protocol): topics,
 * subscriptions and their paginators, Publish with attributes (kept by the sandbox), and AWS's errors.
 */
import {
  CreateTopicCommand,
  DeleteTopicCommand,
  ListSubscriptionsByTopicCommand,
  NotFoundException,
  InvalidParameterException,
  PublishCommand,
  SNSClient,
  SubscribeCommand,
  paginateListSubscriptionsByTopic,
  paginateListTopics,
} from '@aws-sdk/client-sns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../index';
import { rejectionOf } from '../../test-support';

// Writes go to this region only, so the sandbox's other tests are undisturbed.
const REGION = 'ap-southeast-2';

describe('SNS through the SDK', () => {
  let sandbox: Sandbox;
  let sdk: SNSClient;

  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 'empty' });
    sdk = new SNSClient({ endpoint: sandbox.endpoint, region: REGION, credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
  });

  afterAll(async () => {
    sdk.destroy();
    await sandbox.close();
  });

  it('creates topics and lists them across pages', async () => {
    const created = await sdk.send(new CreateTopicCommand({ Name: 'alarms', Tags: [{ Key: 'team', Value: 'ops' }] }));
    expect(created.TopicArn).toBe(`arn:aws:sns:${REGION}:${sandbox.accountId}:alarms`);
    expect((await sdk.send(new CreateTopicCommand({ Name: 'alarms' }))).TopicArn).toBe(created.TopicArn);
    for (let i = 0; i < 120; i++) await sdk.send(new CreateTopicCommand({ Name: `bulk-${i}` }));

    const pages: number[] = [];
    const arns: string[] = [];
    for await (const page of paginateListTopics({ client: sdk }, {})) {
      pages.push(page.Topics?.length ?? 0);
      arns.push(...(page.Topics ?? []).map((topic) => topic.TopicArn!));
    }
    expect(pages).toEqual([100, 21]);
    expect(new Set(arns).size).toBe(121);
    expect(arns[0]).toBe(created.TopicArn);

    await sdk.send(new DeleteTopicCommand({ TopicArn: `arn:aws:sns:${REGION}:${sandbox.accountId}:bulk-0` }));
    expect(sandbox.sns(REGION).all()).toHaveLength(120);
  });

  it('subscribes email (pending confirmation) and SQS, and lists the subscriptions', async () => {
    const { TopicArn } = await sdk.send(new CreateTopicCommand({ Name: 'subscribed' }));
    expect((await sdk.send(new SubscribeCommand({ TopicArn, Protocol: 'email', Endpoint: 'oncall@example.com' }))).SubscriptionArn).toBe('pending confirmation');
    const sqs = await sdk.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: `arn:aws:sqs:${REGION}:${sandbox.accountId}:alarms`, ReturnSubscriptionArn: true }));
    for (let i = 0; i < 105; i++) await sdk.send(new SubscribeCommand({ TopicArn, Protocol: 'lambda', Endpoint: `arn:aws:lambda:${REGION}:${sandbox.accountId}:function:f${i}` }));

    const first = await sdk.send(new ListSubscriptionsByTopicCommand({ TopicArn }));
    expect(first.Subscriptions?.slice(0, 2)).toEqual([
      { SubscriptionArn: 'PendingConfirmation', Owner: sandbox.accountId, Protocol: 'email', Endpoint: 'oncall@example.com', TopicArn },
      { SubscriptionArn: sqs.SubscriptionArn, Owner: sandbox.accountId, Protocol: 'sqs', Endpoint: `arn:aws:sqs:${REGION}:${sandbox.accountId}:alarms`, TopicArn },
    ]);
    let total = 0;
    for await (const page of paginateListSubscriptionsByTopic({ client: sdk }, { TopicArn })) total += page.Subscriptions?.length ?? 0;
    expect(total).toBe(107);
  });

  it('publishes with a subject and attributes, which the sandbox keeps', async () => {
    const { TopicArn } = await sdk.send(new CreateTopicCommand({ Name: 'published' }));
    const { MessageId } = await sdk.send(
      new PublishCommand({
        TopicArn,
        Message: 'CPU above 90%',
        Subject: 'ALARM: cpu-high',
        MessageAttributes: { severity: { DataType: 'String', StringValue: 'critical' }, count: { DataType: 'Number', StringValue: '3' } },
      }),
    );
    expect(MessageId).toMatch(/^[0-9a-f-]{36}$/);
    const [kept] = sandbox.sns(REGION).published(TopicArn!);
    expect(kept).toMatchObject({
      messageId: MessageId,
      message: 'CPU above 90%',
      subject: 'ALARM: cpu-high',
      messageAttributes: { severity: { DataType: 'String', StringValue: 'critical' }, count: { DataType: 'Number', StringValue: '3' } },
    });
  });

  it("answers AWS's errors", async () => {
    const missing = await rejectionOf<NotFoundException>(sdk.send(new PublishCommand({ TopicArn: `arn:aws:sns:${REGION}:${sandbox.accountId}:nowhere`, Message: 'm' })));
    expect(missing).toBeInstanceOf(NotFoundException);
    expect(missing.message).toBe('Topic does not exist');
    expect(missing.$metadata.httpStatusCode).toBe(404);

    const badName = await rejectionOf(sdk.send(new CreateTopicCommand({ Name: 'no spaces' })));
    expect(badName).toBeInstanceOf(InvalidParameterException);
    expect(badName.message).toBe('Invalid parameter: Topic Name');

    const { TopicArn } = await sdk.send(new CreateTopicCommand({ Name: 'errors' }));
    const badProtocol = await rejectionOf(sdk.send(new SubscribeCommand({ TopicArn, Protocol: 'carrier-pigeon', Endpoint: 'loft' })));
    expect(badProtocol.message).toBe('Invalid parameter: Amazon SNS does not support this protocol string: carrier-pigeon');
    const empty = await rejectionOf(sdk.send(new PublishCommand({ TopicArn, Message: '' })));
    expect(empty.message).toBe('Invalid parameter: Empty message');
  });
});
