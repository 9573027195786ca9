/**
 * The shapes of the SNS operations the sandbox serves, from botocore's model
 * (botocore/data/sns/2010-03-31/service-2.json): what the query protocol needs to read
 * `MessageAttributes.entry.1.Name=…&MessageAttributes.entry.1.Value.DataType=…` and `Tags.member.1.Key=…` into
 * input objects, and to write outputs as XML. Scalars are inlined as their type.
 */
import type { ShapeModel } from '../../protocols/shapes';

export const SNS_SHAPES: ShapeModel = {
  operations: {
    CreateTopic: { input: 'CreateTopicInput', output: 'CreateTopicResponse' },
    DeleteTopic: { input: 'DeleteTopicInput' },
    ListTopics: { input: 'ListTopicsInput', output: 'ListTopicsResponse' },
    Subscribe: { input: 'SubscribeInput', output: 'SubscribeResponse' },
    ListSubscriptionsByTopic: { input: 'ListSubscriptionsByTopicInput', output: 'ListSubscriptionsByTopicResponse' },
    Publish: { input: 'PublishInput', output: 'PublishResponse' },
  },
  shapes: {
    CreateTopicInput: { type: 'structure', members: { Name: 'string', Attributes: 'TopicAttributesMap', Tags: 'TagList', DataProtectionPolicy: 'string' } },
    CreateTopicResponse: { type: 'structure', members: { TopicArn: 'string' } },
    DeleteTopicInput: { type: 'structure', members: { TopicArn: 'string' } },
    ListTopicsInput: { type: 'structure', members: { NextToken: 'string' } },
    ListTopicsResponse: { type: 'structure', members: { Topics: 'TopicsList', NextToken: 'string' } },
    ListSubscriptionsByTopicInput: { type: 'structure', members: { TopicArn: 'string', NextToken: 'string' } },
    ListSubscriptionsByTopicResponse: { type: 'structure', members: { Subscriptions: 'SubscriptionsList', NextToken: 'string' } },
    MessageAttributeMap: { type: 'map', key: 'string', value: 'MessageAttributeValue', keyName: 'Name', valueName: 'Value' },
    MessageAttributeValue: { type: 'structure', members: { DataType: 'string', StringValue: 'string', BinaryValue: 'blob' } },
    PublishInput: {
      type: 'structure',
      members: {
        TopicArn: 'string',
        TargetArn: 'string',
        PhoneNumber: 'string',
        Message: 'string',
        Subject: 'string',
        MessageStructure: 'string',
        MessageAttributes: 'MessageAttributeMap',
        MessageDeduplicationId: 'string',
        MessageGroupId: 'string',
      },
    },
    PublishResponse: { type: 'structure', members: { MessageId: 'string', SequenceNumber: 'string' } },
    SubscribeInput: { type: 'structure', members: { TopicArn: 'string', Protocol: 'string', Endpoint: 'string', Attributes: 'SubscriptionAttributesMap', ReturnSubscriptionArn: 'boolean' } },
    SubscribeResponse: { type: 'structure', members: { SubscriptionArn: 'string' } },
    Subscription: { type: 'structure', members: { SubscriptionArn: 'string', Owner: 'string', Protocol: 'string', Endpoint: 'string', TopicArn: 'string' } },
    SubscriptionAttributesMap: { type: 'map', key: 'string', value: 'string' },
    SubscriptionsList: { type: 'list', member: 'Subscription' },
    Tag: { type: 'structure', members: { Key: 'string', Value: 'string' } },
    TagList: { type: 'list', member: 'Tag' },
    Topic: { type: 'structure', members: { TopicArn: 'string' } },
    TopicAttributesMap: { type: 'map', key: 'string', value: 'string' },
    TopicsList: { type: 'list', member: 'Topic' },
  },
};
