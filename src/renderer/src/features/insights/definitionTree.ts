/** Saved queries as the console shows them: names with slashes are folders (`errors/by route`). */
import type { QueryDefinition } from '../../../../shared/contract';

export type DefinitionNode =
  | { readonly kind: 'folder'; readonly name: string; readonly path: string; readonly children: readonly DefinitionNode[] }
  | { readonly kind: 'query'; readonly name: string; readonly definition: QueryDefinition };

interface MutableFolder {
  readonly folders: Map<string, MutableFolder>;
  readonly queries: Array<{ readonly name: string; readonly definition: QueryDefinition }>;
}

/** Folders first, then queries, each by name; only definitions whose name, text or groups contain `search`. */
export function definitionTree(definitions: readonly QueryDefinition[], search = ''): DefinitionNode[] {
  const needle = search.trim().toLowerCase();
  const root: MutableFolder = { folders: new Map(), queries: [] };
  for (const definition of definitions) {
    if (needle !== '' && !`${definition.name}\n${definition.queryString}\n${definition.logGroupNames.join('\n')}`.toLowerCase().includes(needle)) continue;
    const parts = definition.name.split('/').filter((part) => part !== '');
    const leaf = parts.pop() ?? definition.name;
    let folder = root;
    for (const part of parts) {
      let next = folder.folders.get(part);
      if (next === undefined) {
        next = { folders: new Map(), queries: [] };
        folder.folders.set(part, next);
      }
      folder = next;
    }
    folder.queries.push({ name: leaf, definition });
  }
  return nodesOf(root, '');
}

function nodesOf(folder: MutableFolder, path: string): DefinitionNode[] {
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  const folders = [...folder.folders].map(([name, child]): DefinitionNode => {
    const childPath = path === '' ? name : `${path}/${name}`;
    return { kind: 'folder', name, path: childPath, children: nodesOf(child, childPath) };
  });
  const queries = folder.queries.map((query): DefinitionNode => ({ kind: 'query', ...query }));
  return [...folders.sort(byName), ...queries.sort(byName)];
}
