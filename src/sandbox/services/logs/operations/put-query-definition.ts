import { randomUUID } from 'node:crypto';
import { LOG_GROUP_NAME } from '../../../../shared/contract/logs-rules';
import type { RequestContext } from '../../../core/context';
import { ServiceError } from '../../../core/errors';
import { readLogsInput } from '../common';
import { DEFINITION_ID_RULE, DEFINITION_NAME_RULE, DEFINITION_QUERY_RULE, QUERY_LANGUAGES } from '../insights/definition-rules';
import { INSIGHTS_QUERIES, type QueryDefinition } from '../insights/queries';

/**
 * Saves a query under a name (the console shows `folder/name` names as folders). With a
 * `queryDefinitionId` it replaces that definition entirely, as AWS does: groups not given are dropped.
 */
export function putQueryDefinition(body: unknown, context: RequestContext): object {
  const input = readLogsInput(body);
  input.string('queryLanguage', { oneOf: QUERY_LANGUAGES });
  const name = input.string('name', { ...DEFINITION_NAME_RULE, required: true }) as string;
  const id = input.string('queryDefinitionId', DEFINITION_ID_RULE);
  const logGroupNames = input.stringList('logGroupNames', { item: LOG_GROUP_NAME }) ?? [];
  const queryString = input.string('queryString', { ...DEFINITION_QUERY_RULE, required: true }) as string;
  input.string('clientToken', { min: 36, max: 128 });
  input.structureList('parameters', { maxItems: 20 });
  input.finish();

  const definitions = context.state.store(INSIGHTS_QUERIES).definitions;
  if (id !== undefined && !definitions.has(id)) throw new ServiceError('ResourceNotFoundException', `Query definition ${id} does not exist.`);
  const definition: QueryDefinition = { queryDefinitionId: id ?? randomUUID(), name, queryString, logGroupNames, lastModified: context.now };
  definitions.set(definition.queryDefinitionId, definition);
  return { queryDefinitionId: definition.queryDefinitionId };
}
