import type { RuleDeps } from '@waymark/shared';

/** What changed for one user since their last evaluation. */
export interface Dirty {
  eventNames: Set<string>;
  traits: boolean;
  companies: boolean;
  all: boolean;
}

export const cleanDirty = (): Dirty => ({
  eventNames: new Set(),
  traits: false,
  companies: false,
  all: false,
});

/** `into` gains every mark of `from`. */
export function mergeDirty(into: Dirty, from: Partial<Dirty>): void {
  from.eventNames?.forEach((n) => into.eventNames.add(n));
  into.traits ||= from.traits ?? false;
  into.companies ||= from.companies ?? false;
  into.all ||= from.all ?? false;
}

/** Whether a definition reading `deps` can change for a user with these marks. */
export function affects(deps: RuleDeps, d: Dirty): boolean {
  if (d.all || deps.goals.size > 0 || deps.journeys.size > 0 || deps.segments.size > 0) return true;
  if ((deps.traits && d.traits) || (deps.companies && d.companies)) return true;
  if (deps.anyEvent && d.eventNames.size > 0) return true;
  for (const name of d.eventNames) if (deps.eventNames.has(name)) return true;
  return false;
}

/** Segments that read other segments come after them; a cycle is cut where it closes. */
export function dependencyOrder<T extends { id: string; deps: RuleDeps }>(items: T[]): T[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  const done = new Set<string>();
  const out: T[] = [];
  const visit = (item: T, path: Set<string>) => {
    if (done.has(item.id) || path.has(item.id)) return;
    path.add(item.id);
    for (const dep of item.deps.segments) {
      const upstream = byId.get(dep);
      if (upstream) visit(upstream, path);
    }
    done.add(item.id);
    out.push(item);
  };
  items.forEach((i) => visit(i, new Set()));
  return out;
}
