import { describe, expect, it } from 'vitest';
import { VIEWS } from './views';

describe('the view registry', () => {
  it('gives every view its own id and route', () => {
    expect(new Set(VIEWS.map((view) => view.id)).size).toBe(VIEWS.length);
    expect(new Set(VIEWS.map((view) => view.route)).size).toBe(VIEWS.length);
  });

  it('has no more views than Ctrl/Cmd+1 to 9 can reach', () => {
    expect(VIEWS.length).toBeLessThanOrEqual(9);
  });

  it('opens on Logs, which the placeholders point to', () => {
    expect(VIEWS[0].id).toBe('logs');
  });
});
