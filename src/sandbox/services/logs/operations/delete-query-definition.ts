import type { RequestContext } from '../../../core/context';
import { ServiceError } from '../../../core/errors';
import { readLogsInput } from '../common';
import { DEFINITION_ID_RULE } from '../insights/definition-rules';
import { INSIGHTS_QUERIES } from '../insights/queries';

export function deleteQueryDefinition(body: unknown, context: RequestContext): object {
  const input = readLogsInput(body);
  const id = input.string('queryDefinitionId', { ...DEFINITION_ID_RULE, required: true }) as string;
  input.finish();
  if (!context.state.store(INSIGHTS_QUERIES).definitions.delete(id)) {
    throw new ServiceError('ResourceNotFoundException', `Query definition ${id} does not exist.`);
  }
  return { success: true };
}
