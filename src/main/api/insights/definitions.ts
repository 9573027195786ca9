/** Saved queries: AWS's query definitions (Describe/Put/DeleteQueryDefinition). */
import {
  CloudWatchLogsClient,
  DeleteQueryDefinitionCommand,
  DescribeQueryDefinitionsCommand,
  PutQueryDefinitionCommand,
  type QueryDefinition as AwsQueryDefinition,
} from '@aws-sdk/client-cloudwatch-logs';
import type { CloudscopeHandlers, QueryDefinition } from '../../../shared/contract';
import { QUERY_LIST_PAGE_LIMIT } from '../../../shared/contract/insights-rules';
import { apiError } from '../../../shared/errors';
import type { Session } from '../session';

type DefinitionHandlers = Pick<CloudscopeHandlers['insights'], 'listDefinitions' | 'putDefinition' | 'deleteDefinition'>;

export function definitionHandlers(session: Session): DefinitionHandlers {
  return {
    async listDefinitions(_request, { signal }) {
      const { client, abortSignal } = await session.client(CloudWatchLogsClient, signal);
      const definitions: QueryDefinition[] = [];
      let nextToken: string | undefined;
      do {
        const output = await client.send(new DescribeQueryDefinitionsCommand({ maxResults: QUERY_LIST_PAGE_LIMIT, nextToken }), { abortSignal });
        definitions.push(...(output.queryDefinitions ?? []).map(toDefinition));
        nextToken = output.nextToken;
      } while (nextToken);
      return definitions.sort((a, b) => a.name.localeCompare(b.name));
    },

    async putDefinition(request, { signal }) {
      const { client, abortSignal } = await session.client(CloudWatchLogsClient, signal);
      const output = await client.send(
        new PutQueryDefinitionCommand({
          name: request.name,
          queryString: request.queryString,
          logGroupNames: [...request.logGroupNames],
          ...(request.id ? { queryDefinitionId: request.id } : {}),
        }),
        { abortSignal },
      );
      if (!output.queryDefinitionId) throw apiError('Internal', 'PutQueryDefinition returned no id.');
      return { id: output.queryDefinitionId };
    },

    async deleteDefinition(request, { signal }) {
      const { client, abortSignal } = await session.client(CloudWatchLogsClient, signal);
      await client.send(new DeleteQueryDefinitionCommand({ queryDefinitionId: request.id }), { abortSignal });
    },
  };
}

function toDefinition(definition: AwsQueryDefinition): QueryDefinition {
  return {
    id: definition.queryDefinitionId ?? '',
    name: definition.name ?? '',
    queryString: definition.queryString ?? '',
    logGroupNames: definition.logGroupNames ?? [],
    ...(definition.lastModified === undefined ? {} : { lastModified: definition.lastModified }),
  };
}
