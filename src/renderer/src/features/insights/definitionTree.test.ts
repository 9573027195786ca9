import { describe, expect, it } from 'vitest';
import { definitionTree } from './definitionTree';

const definition = (name: string, queryString = 'fields @message', logGroupNames: string[] = []) => ({ id: name, name, queryString, logGroupNames });

describe('definitionTree', () => {
  it('makes folders of the slashes, folders first, each by name', () => {
    const tree = definitionTree([definition('z top'), definition('errors/by route'), definition('errors/api/5xx'), definition('a top')]);
    expect(tree.map((node) => `${node.kind}:${node.name}`)).toEqual(['folder:errors', 'query:a top', 'query:z top']);
    const errors = tree[0];
    expect(errors?.kind === 'folder' && errors.children.map((node) => `${node.kind}:${node.name}`)).toEqual(['folder:api', 'query:by route']);
    expect(errors?.kind === 'folder' && errors.children[0]?.kind === 'folder' && errors.children[0].path).toBe('errors/api');
  });

  it('keeps only what the search finds, in the name, the text or the groups', () => {
    const all = [definition('errors/by route', 'stats count(*) by route'), definition('latency', 'stats pct(d, 99)', ['/aws/lambda/orders'])];
    expect(definitionTree(all, 'ORDERS').map((node) => node.name)).toEqual(['latency']);
    expect(definitionTree(all, 'route')).toHaveLength(1);
  });
});
