import { DefinitionQueues } from './live-queues';
import type { LiveTask } from './live-recheck';

const task: LiveTask = () => ({ definitionId: 'd', text: 'SELECT 1', values: [] });
const at = (order: number, readsOthers = false) => ({ workspaceId: 'w', order, readsOthers });

describe('DefinitionQueues', () => {
  it('serves a quiet definition after the turn in progress, however often it was served', () => {
    const q = new DefinitionQueues();
    const many = (n: number) => Array.from({ length: n }, (_, i) => `b${i}`);
    q.add('busy', at(0), task, many(100));
    q.add('other', at(1), task, many(100));
    q.add('third', at(3), task, many(100));
    q.add('quiet', at(2), task, ['z']);
    expect(q.next()?.id).toBe('quiet'); // shortest among equal starts
    q.done({ id: 'quiet', workspaceId: 'w', order: 2, task, users: ['z'], leftBehind: 0 }, 1);
    for (let i = 0; i < 6; i++) q.done(q.next()!, 10); // the busy ones in rotation
    for (let round = 0; round < 5; round++) {
      q.done(q.next()!, 10); // a busy turn was in progress when the event came
      q.add('quiet', at(2), task, [`y${round}`]);
      // At most one busy turn that started earlier in virtual time, never a whole round.
      let turn = q.next()!;
      if (turn.id !== 'quiet') {
        q.done(turn, 10);
        turn = q.next()!;
      }
      expect(turn).toMatchObject({ id: 'quiet', users: [`y${round}`] });
      q.done(turn, 1);
    }
  });

  it('shares evaluation time between busy definitions, whatever their queue lengths', () => {
    const q = new DefinitionQueues();
    q.add(
      'long',
      at(0),
      task,
      Array.from({ length: 1000 }, (_, i) => `l${i}`),
    );
    q.add(
      'short',
      at(1),
      task,
      Array.from({ length: 50 }, (_, i) => `s${i}`),
    );
    const served: string[] = [];
    for (let i = 0; i < 6; i++) {
      const turn = q.next()!;
      served.push(turn.id);
      q.done(turn, 10);
    }
    expect(served).toEqual(['short', 'long', 'short', 'long', 'short', 'long']);
  });

  it('gives an idle definition no credit for the time it was idle', () => {
    const q = new DefinitionQueues();
    q.add(
      'busy',
      at(0),
      task,
      Array.from({ length: 1000 }, (_, i) => `b${i}`),
    );
    for (let i = 0; i < 10; i++) q.done(q.next()!, 10);
    // 'burst' arrives with a long queue: it alternates with 'busy' instead of running 10 turns.
    q.add(
      'burst',
      at(1),
      task,
      Array.from({ length: 1000 }, (_, i) => `x${i}`),
    );
    const served: string[] = [];
    for (let i = 0; i < 4; i++) {
      const turn = q.next()!;
      served.push(turn.id);
      q.done(turn, 10);
    }
    expect(served.filter((id) => id === 'busy')).toHaveLength(2);
  });

  it('does not hold a quiet definition back for long after one slow turn of its own', () => {
    const q = new DefinitionQueues();
    const many = (n: number) => Array.from({ length: n }, (_, i) => `b${i}`);
    for (const id of ['b1', 'b2', 'b3', 'b4']) q.add(id, at(0), task, many(500));
    q.add('quiet', at(1), task, ['z']);
    q.done(q.next()!, 200); // quiet's turn, slowed by a busy machine
    q.add('quiet', at(1), task, ['y']);
    const before: string[] = [];
    for (let turn = q.next(); turn?.id !== 'quiet'; turn = q.next()) {
      before.push(turn!.id);
      q.done(turn!, 10);
    }
    expect(before.length).toBeLessThanOrEqual(4); // one turn of each busy one at most
  });

  it('gives a lane only the queues it accepts and that have no turn on another lane', () => {
    const q = new DefinitionQueues();
    q.add(
      'busy',
      at(0),
      task,
      Array.from({ length: 100 }, (_, i) => `b${i}`),
    );
    q.add('quiet', at(1), task, ['z']);
    const short = (n: number) => n <= 8;
    expect(q.next(short, new Set(['quiet']))).toBeNull();
    expect(q.next(() => true, new Set(['quiet']))?.id).toBe('busy');
    expect(q.next(short)?.id).toBe('quiet');
  });

  it('sizes a turn from what a user cost the definition lately', () => {
    const q = new DefinitionQueues();
    const users = Array.from({ length: 500 }, (_, i) => `u${i}`);
    q.add('d', at(0), task, users);
    const first = q.next()!;
    expect(first.users).toHaveLength(10); // no history: 1 ms a user, 10 ms a turn
    expect(first.leftBehind).toBe(490); // the lane rests after it: evaluation is behind
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
    expect(turn.leftBehind).toBe(0); // a turn that takes its whole queue: no rest
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
