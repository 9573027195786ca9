/** Input rules of the query-definition operations (the model's QueryDefinitionName, QueryDefinitionString, QueryId). */
export const DEFINITION_NAME_RULE = { min: 1, max: 255 } as const;
export const DEFINITION_QUERY_RULE = { min: 1, max: 10_000 } as const;
export const DEFINITION_ID_RULE = { min: 1, max: 256 } as const;
export const QUERY_LANGUAGES = ['CWLI', 'SQL', 'PPL'] as const;
