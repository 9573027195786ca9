/**
 * The connections feature's query keys. Neither is scoped: they are what decides the scope, the same
 * whatever is selected, so a scope switch keeps them.
 */
export const connectionKeys = {
  /** The scope in use (`connections.current`). */
  current: ['scope'] as const,
  /** Every connection (`connections.list`). */
  list: ['connections'] as const,
};
