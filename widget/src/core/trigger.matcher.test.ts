import type { Trigger } from '@waymark/shared';
import { firesOn, matchUrlPattern, pageMatches, delayOf } from './trigger.matcher';

const APP = 'https://app.example.com';

describe('matchUrlPattern', () => {
  it.each([
    ['/projects/*', `${APP}/projects/42`, true],
    ['/projects/*', `${APP}/projects/42/settings`, true],
    ['/projects/*', `${APP}/projects`, false],
    ['/projects/*/settings', `${APP}/projects/42/settings`, true],
    ['/projects', `${APP}/projects/`, true],
    ['/projects/', `${APP}/projects`, true],
    ['/projects', `${APP}/projects?tab=members`, true],
    ['/projects', `${APP}/projects#top`, true],
    ['/projects', `${APP}/projects/42`, false],
    ['/Projects', `${APP}/projects`, false],
    ['/', `${APP}/`, true],
    ['/', `${APP}/dashboard`, false],
    ['*', `${APP}/anything/at/all`, true],
    ['/a.b', `${APP}/aXb`, false],
    ['/p/(x)+', `${APP}/p/(x)+`, true],
    ['/search?q=*', `${APP}/search?q=shoes`, true],
    ['/search?q=hats', `${APP}/search?q=shoes`, false],
    ['/#/settings/*', `${APP}/#/settings/profile`, true],
    ['/#/settings/*', `${APP}/#/billing`, false],
    [`${APP}/billing*`, 'https://APP.example.com/billing/plan', true],
    [`${APP}/billing`, 'https://other.example.com/billing', false],
  ])('%s against %s is %s', (pattern, url, expected) => {
    expect(matchUrlPattern(pattern, url)).toBe(expected);
  });

  it('is false for a URL it cannot parse', () => {
    expect(matchUrlPattern('*', 'not a url')).toBe(false);
  });
});

describe('pageMatches and firesOn', () => {
  const url = `${APP}/projects/7`;

  it('treats URL triggers as "any of these pages", and no URL trigger as every page', () => {
    const two: Trigger[] = [
      { type: 'url', pattern: '/billing' },
      { type: 'url', pattern: '/projects/*' },
    ];

    expect(pageMatches(two, url)).toBe(true);
    expect(pageMatches([{ type: 'url', pattern: '/billing' }], url)).toBe(false);
    expect(pageMatches([{ type: 'immediate' }], url)).toBe(true);
  });

  it('fires immediate content on a page, event content on its event, manual content never', () => {
    const page = { type: 'page' } as const;
    const saved = { type: 'event', event: 'project_saved' } as const;

    expect(firesOn([], page, 'a')).toBe(true);
    expect(firesOn([{ type: 'url', pattern: '/x' }], page, 'a')).toBe(true);
    expect(firesOn([{ type: 'immediate' }], saved, 'a')).toBe(false);
    expect(firesOn([{ type: 'event', event: 'project_saved' }], page, 'a')).toBe(false);
    expect(firesOn([{ type: 'event', event: 'project_saved' }], saved, 'a')).toBe(true);
    expect(firesOn([{ type: 'event', event: 'other' }], saved, 'a')).toBe(false);
    expect(firesOn([{ type: 'manual' }], page, 'a')).toBe(false);
  });

  it('fires delay content only when its own timer elapsed', () => {
    const delayed: Trigger[] = [{ type: 'delay', ms: 3000 }];

    expect(firesOn(delayed, { type: 'page' }, 'a')).toBe(false);
    expect(firesOn(delayed, { type: 'delay', id: 'b' }, 'a')).toBe(false);
    expect(firesOn(delayed, { type: 'delay', id: 'a' }, 'a')).toBe(true);
    expect(delayOf(delayed)).toBe(3000);
    expect(delayOf([{ type: 'immediate' }])).toBeUndefined();
  });
});
