import type { RequestContext } from '../../../core/context';
import { readLogsInput } from '../common';
import { DEFINITION_NAME_RULE, QUERY_LANGUAGES } from '../insights/definition-rules';
import { pageOf } from '../insights/pages';
import { INSIGHTS_QUERIES } from '../insights/queries';

const DEFAULT_MAX_RESULTS = 1000;

/** Saved queries in name order, optionally those whose name starts with a prefix; paginated. */
export function describeQueryDefinitions(body: unknown, context: RequestContext): object {
  const input = readLogsInput(body);
  input.string('queryLanguage', { oneOf: QUERY_LANGUAGES });
  const prefix = input.string('queryDefinitionNamePrefix', DEFINITION_NAME_RULE);
  const maxResults = input.integer('maxResults', { min: 1, max: 1000 }) ?? DEFAULT_MAX_RESULTS;
  const nextToken = input.string('nextToken', { min: 1 });
  input.finish();

  const matching = [...context.state.store(INSIGHTS_QUERIES).definitions.values()]
    .filter((definition) => prefix === undefined || definition.name.startsWith(prefix))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.queryDefinitionId < b.queryDefinitionId ? -1 : 1));
  const { page, nextToken: next } = pageOf(matching, nextToken, maxResults);
  return {
    queryDefinitions: page.map((definition) => ({
      queryLanguage: 'CWLI',
      queryDefinitionId: definition.queryDefinitionId,
      name: definition.name,
      queryString: definition.queryString,
      lastModified: definition.lastModified,
      logGroupNames: definition.logGroupNames,
    })),
    ...(next === undefined ? {} : { nextToken: next }),
  };
}
