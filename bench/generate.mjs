// Seeded generator of realistic product journeys, reused by the benches (and later analytics).
// Every user signs up; most stall at activation; a minority activates, adopts, stays and expands.
// Same seed → same users, events and messageIds.

/** mulberry32: a small, fast, seeded PRNG returning [0, 1). */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const PAGES = ['/dashboard', '/projects', '/settings', '/reports', '/billing', '/integrations'];
const TEMPLATES = ['kanban', 'scrum', 'blank', 'roadmap'];
const PLANS = ['trial', 'free', 'pro', 'enterprise'];

/** Probabilities of reaching each stage from the one before. */
export const FUNNEL = { activation: 0.3, adoption: 0.45, retention: 0.6, expansion: 0.3 };

/**
 * One user's history: identify, then events in time order. `now` anchors the window; users
 * sign up within the last `days` days. `density` scales background page views.
 */
export function userJourney(random, { workspace, index, now, days = 90, density = 1 }) {
  const userId = `w${workspace}-u${index}`;
  const anonymousId = `w${workspace}-a${index}`;
  const signup = now - Math.floor(random() * days * DAY);
  const events = [];
  let seq = 0;
  const at = (t, name, properties = {}, anonymous = false) => {
    if (t > now) return;
    events.push({
      messageId: `${userId}-${seq++}`,
      name,
      userId: anonymous ? null : userId,
      anonymousId,
      properties,
      ts: t,
    });
  };
  at(signup - 3_600_000, '$page', { path: '/pricing' }, true);
  at(signup, 'Signed Up', { plan: 'trial', source: random() < 0.5 ? 'ads' : 'organic' });
  const activated = random() < FUNNEL.activation;
  const adopted = activated && random() < FUNNEL.adoption;
  const retained = adopted && random() < FUNNEL.retention;
  const expanded = retained && random() < FUNNEL.expansion;
  const activeUntil = retained
    ? now
    : signup + (adopted ? 30 : activated ? 10 : 3) * DAY * random();
  const views = Math.max(1, Math.round(((activeUntil - signup) / DAY) * 2 * density * random()));
  for (let i = 0; i < views; i++) {
    const t = signup + random() * (activeUntil - signup);
    at(t, '$page', { path: PAGES[Math.floor(random() * PAGES.length)] });
  }
  if (activated) {
    const t = signup + random() * 5 * DAY;
    at(t, 'Project Created', { template: TEMPLATES[Math.floor(random() * TEMPLATES.length)] });
    at(t + random() * 2 * DAY, 'Integration Connected', {
      kind: random() < 0.6 ? 'slack' : 'github',
    });
  }
  if (adopted) {
    for (let i = 0; i < 3 + Math.floor(random() * 5); i++)
      at(signup + (5 + random() * 20) * DAY, 'Invite Sent');
  }
  if (retained) {
    for (let i = 0; i < 5; i++) at(now - random() * 14 * DAY, 'Report Run');
  }
  if (expanded) at(now - random() * 7 * DAY, 'Plan Upgraded', { plan: 'enterprise' });
  events.sort((a, b) => a.ts - b.ts);
  const plan = expanded ? 'enterprise' : adopted ? 'pro' : PLANS[Math.floor(random() * 2)];
  return {
    userId,
    anonymousId,
    signup,
    traits: { plan, company: `Company ${index % 997}` },
    events,
  };
}

/** Users of several workspaces, interleaved: `workspaces` × `users`. */
export function* journeys({
  seed = 42,
  workspaces = 3,
  users = 1000,
  now = Date.now(),
  days = 90,
  density = 1,
}) {
  const random = rng(seed);
  for (let index = 0; index < users; index++) {
    for (let workspace = 0; workspace < workspaces; workspace++) {
      yield { workspace, ...userJourney(random, { workspace, index, now, days, density }) };
    }
  }
}
