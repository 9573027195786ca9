import { describe, expect, it } from 'vitest';
import { RouterHarness, xmlText } from '../../test-support';
import { SNS_STORE } from './store';

const ARN = 'arn:aws:sns:us-east-1:123456789012';

function errorOf(body: string): { code?: string; message?: string } {
  const message = xmlText(body, 'Message')?.replaceAll('&apos;', "'").replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
  return { code: xmlText(body, 'Code'), message };
}

describe('SNS topics', () => {
  it('creates a topic idempotently and refuses the same name with other attributes', () => {
    const sandbox = new RouterHarness();
    const first = sandbox.sns({ Action: 'CreateTopic', Name: 'alerts', 'Attributes.entry.1.key': 'DisplayName', 'Attributes.entry.1.value': 'Alerts' });
    expect(first.status).toBe(200);
    expect(xmlText(first.body, 'TopicArn')).toBe(`${ARN}:alerts`);
    const again = sandbox.sns({ Action: 'CreateTopic', Name: 'alerts', 'Attributes.entry.1.key': 'DisplayName', 'Attributes.entry.1.value': 'Alerts' });
    expect(xmlText(again.body, 'TopicArn')).toBe(`${ARN}:alerts`);
    expect(xmlText(sandbox.sns({ Action: 'CreateTopic', Name: 'alerts' }).body, 'TopicArn')).toBe(`${ARN}:alerts`);
    const other = sandbox.sns({ Action: 'CreateTopic', Name: 'alerts', 'Attributes.entry.1.key': 'DisplayName', 'Attributes.entry.1.value': 'Other' });
    expect(other.status).toBe(400);
    expect(errorOf(other.body)).toEqual({ code: 'InvalidParameter', message: 'Invalid parameter: Attributes Reason: Topic already exists with different attributes' });
  });

  it('checks topic names, FIFO names and tags', () => {
    const sandbox = new RouterHarness();
    expect(errorOf(sandbox.sns({ Action: 'CreateTopic', Name: 'bad name' }).body)).toEqual({ code: 'InvalidParameter', message: 'Invalid parameter: Topic Name' });
    expect(errorOf(sandbox.sns({ Action: 'CreateTopic', Name: 'x'.repeat(257) }).body).code).toBe('InvalidParameter');
    expect(errorOf(sandbox.sns({ Action: 'CreateTopic', Name: 'orders.fifo' }).body).message).toBe('Invalid parameter: Topic Name');
    expect(errorOf(sandbox.sns({ Action: 'CreateTopic', Name: 'orders', 'Attributes.entry.1.key': 'FifoTopic', 'Attributes.entry.1.value': 'true' }).body).message).toMatch(
      /^Invalid parameter: Fifo Topic names must end with \.fifo/,
    );
    const fifo = sandbox.sns({ Action: 'CreateTopic', Name: 'orders.fifo', 'Attributes.entry.1.key': 'FifoTopic', 'Attributes.entry.1.value': 'true', 'Tags.member.1.Key': 'team', 'Tags.member.1.Value': 'ops' });
    expect(xmlText(fifo.body, 'TopicArn')).toBe(`${ARN}:orders.fifo`);
    expect(sandbox.state.region('us-east-1').store(SNS_STORE).get(`${ARN}:orders.fifo`)?.tags).toEqual({ team: 'ops' });
    expect(errorOf(sandbox.sns({ Action: 'CreateTopic' }).body)).toEqual({
      code: 'ValidationError',
      message: "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null",
    });
  });

  it('lists topics 100 a page, per region, and deletes them (a missing one too)', () => {
    const sandbox = new RouterHarness();
    for (let i = 0; i < 150; i++) sandbox.sns({ Action: 'CreateTopic', Name: `t${i}` });
    sandbox.sns({ Action: 'CreateTopic', Name: 'elsewhere' }, { region: 'eu-west-1' });
    const first = sandbox.sns({ Action: 'ListTopics' });
    expect(first.body.match(/<TopicArn>/g)).toHaveLength(100);
    const token = xmlText(first.body, 'NextToken')!;
    const second = sandbox.sns({ Action: 'ListTopics', NextToken: token });
    expect(second.body.match(/<TopicArn>/g)).toHaveLength(50);
    expect(xmlText(second.body, 'NextToken')).toBeUndefined();
    expect(errorOf(sandbox.sns({ Action: 'ListTopics', NextToken: 'garbage' }).body)).toEqual({ code: 'InvalidParameter', message: 'Invalid parameter: NextToken' });

    expect(sandbox.sns({ Action: 'DeleteTopic', TopicArn: `${ARN}:t0` }).status).toBe(200);
    expect(sandbox.sns({ Action: 'DeleteTopic', TopicArn: `${ARN}:t0` }).status).toBe(200);
    expect(sandbox.state.region('us-east-1').store(SNS_STORE).all()).toHaveLength(149);
  });
});

describe('SNS subscriptions', () => {
  it('keeps email subscriptions pending confirmation and returns the ARN when asked', () => {
    const sandbox = new RouterHarness();
    sandbox.sns({ Action: 'CreateTopic', Name: 'alerts' });
    const email = sandbox.sns({ Action: 'Subscribe', TopicArn: `${ARN}:alerts`, Protocol: 'email', Endpoint: 'ops@example.com' });
    expect(xmlText(email.body, 'SubscriptionArn')).toBe('pending confirmation');
    const withArn = sandbox.sns({ Action: 'Subscribe', TopicArn: `${ARN}:alerts`, Protocol: 'email', Endpoint: 'ops@example.com', ReturnSubscriptionArn: 'true' });
    expect(xmlText(withArn.body, 'SubscriptionArn')).toMatch(new RegExp(`^${ARN}:alerts:[0-9a-f-]{36}$`));
    const sqs = sandbox.sns({ Action: 'Subscribe', TopicArn: `${ARN}:alerts`, Protocol: 'sqs', Endpoint: 'arn:aws:sqs:us-east-1:123456789012:queue' });
    const sqsArn = xmlText(sqs.body, 'SubscriptionArn');
    expect(sqsArn).toMatch(new RegExp(`^${ARN}:alerts:`));

    const list = sandbox.sns({ Action: 'ListSubscriptionsByTopic', TopicArn: `${ARN}:alerts` });
    expect([...list.body.matchAll(/<SubscriptionArn>([^<]*)<\/SubscriptionArn>/g)].map((m) => m[1])).toEqual(['PendingConfirmation', sqsArn]);
    expect(xmlText(list.body, 'Owner')).toBe('123456789012');
  });

  it("refuses unknown protocols, bad endpoints and topics that don't exist", () => {
    const sandbox = new RouterHarness();
    sandbox.sns({ Action: 'CreateTopic', Name: 'alerts' });
    expect(errorOf(sandbox.sns({ Action: 'Subscribe', TopicArn: `${ARN}:alerts`, Protocol: 'pigeon', Endpoint: 'x' }).body)).toEqual({
      code: 'InvalidParameter',
      message: 'Invalid parameter: Amazon SNS does not support this protocol string: pigeon',
    });
    expect(errorOf(sandbox.sns({ Action: 'Subscribe', TopicArn: `${ARN}:alerts`, Protocol: 'email', Endpoint: 'nobody' }).body).message).toBe('Invalid parameter: Email address');
    const missing = sandbox.sns({ Action: 'Subscribe', TopicArn: `${ARN}:gone`, Protocol: 'email', Endpoint: 'ops@example.com' });
    expect(missing.status).toBe(404);
    expect(errorOf(missing.body)).toEqual({ code: 'NotFound', message: 'Topic does not exist' });
    expect(errorOf(sandbox.sns({ Action: 'ListSubscriptionsByTopic', TopicArn: `${ARN}:gone` }).body).code).toBe('NotFound');
  });

  it('pages subscriptions 100 at a time', () => {
    const sandbox = new RouterHarness();
    sandbox.sns({ Action: 'CreateTopic', Name: 'alerts' });
    for (let i = 0; i < 120; i++) sandbox.sns({ Action: 'Subscribe', TopicArn: `${ARN}:alerts`, Protocol: 'sqs', Endpoint: `arn:aws:sqs:us-east-1:123456789012:q${i}` });
    const first = sandbox.sns({ Action: 'ListSubscriptionsByTopic', TopicArn: `${ARN}:alerts` });
    expect(first.body.match(/<member>/g)).toHaveLength(100);
    const second = sandbox.sns({ Action: 'ListSubscriptionsByTopic', TopicArn: `${ARN}:alerts`, NextToken: xmlText(first.body, 'NextToken')! });
    expect(second.body.match(/<member>/g)).toHaveLength(20);
  });
});

describe('SNS Publish', () => {
  it('keeps what was published with its subject and attributes', () => {
    const sandbox = new RouterHarness();
    sandbox.sns({ Action: 'CreateTopic', Name: 'alerts' });
    const published = sandbox.sns({
      Action: 'Publish',
      TopicArn: `${ARN}:alerts`,
      Message: '{"AlarmName":"cpu"}',
      Subject: 'ALARM: "cpu" in US East (N. Virginia)',
      'MessageAttributes.entry.1.Name': 'severity',
      'MessageAttributes.entry.1.Value.DataType': 'String',
      'MessageAttributes.entry.1.Value.StringValue': 'high',
    });
    expect(published.status).toBe(200);
    const messageId = xmlText(published.body, 'MessageId');
    expect(sandbox.state.region('us-east-1').store(SNS_STORE).published(`${ARN}:alerts`)).toEqual([
      {
        messageId,
        timestamp: sandbox.now,
        message: '{"AlarmName":"cpu"}',
        subject: 'ALARM: "cpu" in US East (N. Virginia)',
        messageAttributes: { severity: { DataType: 'String', StringValue: 'high' } },
      },
    ]);
  });

  it('refuses what AWS refuses', () => {
    const sandbox = new RouterHarness();
    sandbox.sns({ Action: 'CreateTopic', Name: 'alerts' });
    const publish = (parameters: Record<string, string>): { code?: string; message?: string } =>
      errorOf(sandbox.sns({ Action: 'Publish', TopicArn: `${ARN}:alerts`, Message: 'm', ...parameters }).body);
    expect(publish({ Message: '' })).toEqual({ code: 'InvalidParameter', message: 'Invalid parameter: Empty message' });
    expect(publish({ Subject: 'x'.repeat(101) })).toEqual({ code: 'InvalidParameter', message: 'Invalid parameter: Subject' });
    expect(publish({ Subject: 'two\nlines' }).message).toBe('Invalid parameter: Subject');
    expect(publish({ Message: 'x'.repeat(262_145) }).message).toBe('Invalid parameter: Message too long');
    expect(publish({ TopicArn: `${ARN}:gone` })).toEqual({ code: 'NotFound', message: 'Topic does not exist' });
    expect(publish({ TopicArn: 'not-an-arn' }).message).toBe('Invalid parameter: TopicArn');
    expect(publish({ MessageStructure: 'json', Message: '{"email":"x"}' }).message).toBe('Invalid parameter: Message Structure - No default entry in JSON message body');
    expect(publish({ 'MessageAttributes.entry.1.Name': 'n', 'MessageAttributes.entry.1.Value.DataType': 'Number', 'MessageAttributes.entry.1.Value.StringValue': 'ten' }).message).toBe(
      "Invalid parameter: Could not cast message attribute 'n' value to number.",
    );
    expect(sandbox.state.region('us-east-1').store(SNS_STORE).published(`${ARN}:alerts`)).toEqual([]);
  });

  it('needs a message group on a FIFO topic and numbers its messages', () => {
    const sandbox = new RouterHarness();
    sandbox.sns({
      Action: 'CreateTopic',
      Name: 'orders.fifo',
      'Attributes.entry.1.key': 'FifoTopic',
      'Attributes.entry.1.value': 'true',
      'Attributes.entry.2.key': 'ContentBasedDeduplication',
      'Attributes.entry.2.value': 'true',
    });
    const topic = `${ARN}:orders.fifo`;
    expect(errorOf(sandbox.sns({ Action: 'Publish', TopicArn: topic, Message: 'm' }).body).message).toBe('Invalid parameter: The MessageGroupId parameter is required for FIFO topics');
    const ok = sandbox.sns({ Action: 'Publish', TopicArn: topic, Message: 'm', MessageGroupId: 'g' });
    expect(xmlText(ok.body, 'SequenceNumber')).toBe('00000000000000000001');
  });

  it('records topic writes in CloudTrail but not Publish', () => {
    const sandbox = new RouterHarness();
    sandbox.sns({ Action: 'CreateTopic', Name: 'alerts' });
    sandbox.sns({ Action: 'Publish', TopicArn: `${ARN}:alerts`, Message: 'm' });
    const events = sandbox.cloudTrail('LookupEvents', { LookupAttributes: [{ AttributeKey: 'EventSource', AttributeValue: 'sns.amazonaws.com' }] });
    const names = (JSON.parse(events.body) as { Events: { EventName: string; Resources: { ResourceType: string; ResourceName: string }[] }[] }).Events;
    expect(names.map((e) => e.EventName)).toEqual(['CreateTopic']);
    expect(names[0]!.Resources).toEqual([{ ResourceType: 'AWS::SNS::Topic', ResourceName: `${ARN}:alerts` }]);
  });
});

describe('SNS quotas', () => {
  it("throttles ListTopics at AWS's 30 TPS with the model's Throttled error", () => {
    const limited = new RouterHarness({ quotas: 'aws' });
    const responses = Array.from({ length: 31 }, () => limited.sns({ Action: 'ListTopics' }));
    expect(responses.slice(0, 30).every((r) => r.status === 200)).toBe(true);
    expect(responses[30]!.status).toBe(429);
    expect(errorOf(responses[30]!.body)).toEqual({ code: 'Throttled', message: 'Rate exceeded' });
  });
});
