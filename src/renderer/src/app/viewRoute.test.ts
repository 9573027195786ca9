import { describe, expect, it } from 'vitest';
import type { ViewDescriptor } from './viewDescriptor';
import { parametersOf } from './viewParameters';
import { hashFor, viewForHash } from './viewRoute';

function view(id: string): ViewDescriptor {
  return { id, title: id, icon: null, route: `/${id}`, element: () => null };
}
const views = [view('logs'), view('insights')];

describe('view routes', () => {
  it('names a view by its route in the hash', () => {
    expect(hashFor(views[1]!)).toBe('#/insights');
    expect(viewForHash('#/insights', views)?.id).toBe('insights');
    expect(viewForHash(hashFor(views[0]!), views)?.id).toBe('logs');
  });

  it('names no view for an empty, unknown or in-page hash', () => {
    expect(viewForHash('', views)).toBeUndefined();
    expect(viewForHash('#/nope', views)).toBeUndefined();
    expect(viewForHash('#main', views)).toBeUndefined();
  });

  it('keeps a view’s own parameters after its route', () => {
    expect(viewForHash('#/logs?pattern=ERROR&range=-1h', views)?.id).toBe('logs');
    expect(hashFor(views[0]!, new URLSearchParams({ pattern: '{ $.level = "error" }' }))).toBe('#/logs?pattern=%7B+%24.level+%3D+%22error%22+%7D');
    expect(parametersOf('#/logs?pattern=%7B+%24.level+%3D+%22error%22+%7D', '/logs').get('pattern')).toBe('{ $.level = "error" }');
    expect(parametersOf('#/insights?pattern=x', '/logs').toString()).toBe('');
  });
});
