/** The SNS topics alarm actions notify: listing the region's topics and creating one. */
import { CreateTopicCommand, paginateListTopics, SNSClient } from '@aws-sdk/client-sns';
import type { CloudscopeHandlers, SnsTopic } from '../../../shared/contract';
import type { Session } from '../session';

type TopicHandlers = Pick<CloudscopeHandlers['alarms'], 'topics' | 'createTopic'>;

export function topicHandlers(session: Session): TopicHandlers {
  return {
    async topics(_request, { signal }) {
      const { client, abortSignal } = await session.client(SNSClient, signal);
      const topics: SnsTopic[] = [];
      for await (const page of paginateListTopics({ client }, {}, { abortSignal })) {
        for (const topic of page.Topics ?? []) if (topic.TopicArn) topics.push(topicOf(topic.TopicArn));
      }
      return { topics: topics.sort((a, b) => a.name.localeCompare(b.name)) };
    },

    async createTopic(request, { signal }) {
      const { client, abortSignal } = await session.client(SNSClient, signal);
      const output = await client.send(new CreateTopicCommand({ Name: request.name }), { abortSignal });
      return topicOf(output.TopicArn ?? '');
    },
  };
}

function topicOf(arn: string): SnsTopic {
  return { arn, name: arn.slice(arn.lastIndexOf(':') + 1) };
}
