import { STUB_METHODS } from './stub.methods';
import { installGlobal } from './stub.replayer';
import { Waymark } from './waymark.client';

class FakeWidget {
  calls: unknown[][] = [];
  init(...args: unknown[]): void {
    this.calls.push(['init', ...args]);
  }
  track(...args: unknown[]): void {
    this.calls.push(['track', ...args]);
  }
}

describe('installGlobal', () => {
  it('replaces the stub with the instance and replays known calls in order', () => {
    const win: { waymark?: unknown } = {
      waymark: [
        ['init', 'pk', { apiHost: 'https://w.example' }],
        ['track', 'Opened'],
        ['group', 'acme'], // queued by an older snippet; not a method here
        ['constructor'],
        'garbage',
        ['track', 'Closed', { at: 1 }],
      ],
    };

    installGlobal(win, () => new FakeWidget());

    expect(win.waymark).toBeInstanceOf(FakeWidget);
    expect((win.waymark as FakeWidget).calls).toEqual([
      ['init', 'pk', { apiHost: 'https://w.example' }],
      ['track', 'Opened'],
      ['track', 'Closed', { at: 1 }],
    ]);
  });

  it('works without a stub, and leaves an existing instance alone', () => {
    const win: { waymark?: unknown } = {};
    installGlobal(win, () => new FakeWidget());
    const first = win.waymark;

    installGlobal(win, () => new FakeWidget());

    expect(first).toBeInstanceOf(FakeWidget);
    expect(win.waymark).toBe(first);
  });

  it('agrees with the snippet: the stub records exactly the public methods', () => {
    const methods = Object.getOwnPropertyNames(Waymark.prototype).filter(
      (name) => name !== 'constructor',
    );

    expect(methods.sort()).toEqual([...STUB_METHODS].sort());
  });
});
