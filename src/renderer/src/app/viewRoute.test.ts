import { describe, expect, it } from 'vitest';
import type { ViewDescriptor } from './viewDescriptor';
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
});
