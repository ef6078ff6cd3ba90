import { offeredActions } from './button-action-field';

describe('offeredActions', () => {
  const steps = [{ id: 's1', label: 'Step 1' }];

  it('offers step actions inside a flow', () => {
    expect(offeredActions('dismiss', steps)).toEqual(
      expect.arrayContaining(['next', 'back', 'goto', 'dismiss', 'url']),
    );
  });

  it('leaves out "go to a step" when the flow has no steps to go to', () => {
    expect(offeredActions('dismiss', [])).not.toContain('goto');
    expect(offeredActions('dismiss', [])).toContain('next');
  });

  it('offers no step actions outside a flow, but keeps the one already chosen', () => {
    expect(offeredActions('dismiss', undefined)).toEqual([
      'dismiss',
      'complete',
      'url',
      'start',
      'track',
    ]);
    expect(offeredActions('next', undefined)).toContain('next');
  });
});
