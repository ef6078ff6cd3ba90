import type { Trigger } from '@waymark/shared';
import { anItem } from '../testing/content.factories';
import { firesOn, matchUrlPattern, pageMatches, selectContent } from './trigger.matcher';

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

    expect(firesOn([], page)).toBe(true);
    expect(firesOn([{ type: 'url', pattern: '/x' }], page)).toBe(true);
    expect(firesOn([{ type: 'immediate' }], saved)).toBe(false);
    expect(firesOn([{ type: 'event', event: 'project_saved' }], page)).toBe(false);
    expect(firesOn([{ type: 'event', event: 'project_saved' }], saved)).toBe(true);
    expect(firesOn([{ type: 'event', event: 'other' }], saved)).toBe(false);
    expect(firesOn([{ type: 'manual' }], page)).toBe(false);
  });
});

describe('selectContent', () => {
  const context = {
    url: `${APP}/projects/7`,
    cause: { type: 'page' } as const,
    skip: new Set<string>(),
    resumable: new Set<string>(),
  };

  it('picks the highest priority, keeping server order among equals', () => {
    const items = [
      anItem({ id: 'low', priority: 1 }),
      anItem({ id: 'first-high', priority: 5 }),
      anItem({ id: 'second-high', priority: 5 }),
    ];

    expect(selectContent(items, context)?.id).toBe('first-high');
  });

  it('skips finished content, other pages, other kinds and manual content', () => {
    const items = [
      anItem({ id: 'done', priority: 9 }),
      anItem({ id: 'elsewhere', priority: 8, triggers: [{ type: 'url', pattern: '/billing' }] }),
      anItem({ id: 'banner', priority: 7, kind: 'banner' }),
      anItem({ id: 'manual', priority: 6, triggers: [{ type: 'manual' }] }),
      anItem({ id: 'eligible', priority: 0 }),
    ];

    expect(selectContent(items, { ...context, skip: new Set(['done']) })?.id).toBe('eligible');
  });

  it('resumes content already under way on a matching page, whatever its timing trigger', () => {
    const items = [anItem({ id: 'on-event', triggers: [{ type: 'event', event: 'x' }] })];

    expect(selectContent(items, context)).toBeUndefined();
    expect(selectContent(items, { ...context, resumable: new Set(['on-event']) })?.id).toBe(
      'on-event',
    );
  });
});
