import { DefinitionQueues } from './live-queues';
import type { LiveTask } from './live-recheck';

const task: LiveTask = () => Promise.resolve();
const at = (order: number, readsOthers = false) => ({ workspaceId: 'w', order, readsOthers });

describe('DefinitionQueues', () => {
  it('gives the shortest queue the next turn, and every waiting queue one turn per cycle', () => {
    const q = new DefinitionQueues();
    q.add('busy', at(0), task, ['a', 'b', 'c']);
    q.add('quiet', at(1), task, ['z']);
    expect(q.next()?.id).toBe('quiet');
    q.add('quiet', at(1), task, ['y']);
    // quiet had its turn this cycle: busy goes first although quiet is shorter again.
    expect(q.next()).toMatchObject({ id: 'busy', users: ['a', 'b', 'c'] });
    expect(q.next()).toMatchObject({ id: 'quiet', users: ['y'] });
    expect(q.next()).toBeNull();
    expect(q.waiting).toBe(false);
  });

  it('sizes a turn from what a user cost the definition lately', () => {
    const q = new DefinitionQueues();
    const users = Array.from({ length: 500 }, (_, i) => `u${i}`);
    q.add('d', at(0), task, users);
    const first = q.next()!;
    expect(first.users).toHaveLength(10); // no history: 1 ms a user, 10 ms a turn
    q.done(first, 1_000); // 100 ms a user
    q.next();
    q.done({ ...first, users: ['x'] }, 1_000);
    expect(q.next()!.users).toHaveLength(8); // never below the minimum chunk
  });

  it('queues a turn’s users again for later definitions that read other definitions', () => {
    const q = new DefinitionQueues();
    q.add('upstream', at(0), task, ['a']);
    q.add('reader', at(1, true), task, []);
    q.add('plain', at(2), task, []);
    const turn = q.next()!;
    q.done(turn, 1);
    expect(q.next()).toMatchObject({ id: 'reader', users: ['a'] });
    expect(q.next()).toBeNull();
  });

  it('forgets deleted definitions', () => {
    const q = new DefinitionQueues();
    q.add('gone', at(0), task, ['a']);
    q.retain('w', new Set());
    expect(q.next()).toBeNull();
  });
});
