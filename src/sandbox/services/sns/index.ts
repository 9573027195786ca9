/**
 * Amazon SNS (signing name `sns`, API version 2010-03-31) in the query protocol: topics, subscriptions and
 * Publish, which the sandbox keeps per topic (`Sandbox.sns(region).published(topicArn)`) instead of
 * delivering. The query codec reads and writes through the model's shapes.
 */
import { SNS_DEFAULT_TPS } from '../../../shared/quotas';
import { ServiceError } from '../../core/errors';
import { QUERY_AUTH_ERRORS } from '../../protocols/query';
import { type AuditResource, type Operation, type ResourceScope, type ServiceDefinition, reads, writes, writesData } from '../service';
import { createTopic, deleteTopic, listSubscriptionsByTopic, listTopics, publish, subscribe } from './operations';
import { SNS_SHAPES } from './shapes';
import { SNS_STORE } from './store';

export type SnsOperation = Operation<unknown, object | undefined>;

export const sns: ServiceDefinition<SnsOperation> = {
  name: 'sns',
  signingName: 'sns',
  protocols: [{ protocol: 'query', version: '2010-03-31', xmlNamespace: 'http://sns.amazonaws.com/doc/2010-03-31/', shapes: SNS_SHAPES }],
  operations: {
    CreateTopic: writes(createTopic),
    DeleteTopic: writes(deleteTopic),
    ListSubscriptionsByTopic: reads(listSubscriptionsByTopic),
    ListTopics: reads(listTopics),
    // CloudTrail does not log Publish as a management event.
    Publish: writesData(publish),
    Subscribe: writes(subscribe),
  },
  regionalStore: SNS_STORE,
  defaultQuotas: SNS_DEFAULT_TPS,
  authErrors: QUERY_AUTH_ERRORS,
  // The model's ThrottledException.
  throttlingError: () => new ServiceError('Throttled', 'Rate exceeded', 429),
  resourceArn: (_operation, input, scope) => topicArnOf(input, scope) ?? '*',
  cloudTrail: {
    resources: (_operation, input, scope) => {
      const arn = topicArnOf(input, scope);
      return arn === undefined ? [] : [{ type: 'AWS::SNS::Topic', name: arn, arn } satisfies AuditResource];
    },
  },
};

/** The topic a request names: its `TopicArn`, or the ARN CreateTopic gives its `Name`. */
function topicArnOf(input: unknown, scope: ResourceScope): string | undefined {
  const { TopicArn, Name } = (input ?? {}) as { TopicArn?: unknown; Name?: unknown };
  if (typeof TopicArn === 'string') return TopicArn;
  return typeof Name === 'string' ? `arn:aws:sns:${scope.region}:${scope.accountId}:${Name}` : undefined;
}
