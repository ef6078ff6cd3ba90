import { contract, type RouteContract } from '@waymark/shared';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { as, type Builder } from './builder-session';
import type { Answer } from './http';
import { validSample, type Json } from './schema-sample';

/**
 * Walks the route contract generically, so the isolation matrix and the fuzz test cover every
 * route any module adds to shared/src/api/contract.ts, without knowing it by name.
 */

export interface Route extends RouteContract {
  name: string;
}

export const routes: Route[] = Object.entries(contract).map(([name, route]) => ({
  name,
  ...(route as RouteContract),
}));

export const paramsOf = (path: string): string[] =>
  [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);

/** The credentials a caller holds: a builder session and one environment's keys. */
export interface Credentials {
  builder: Builder;
  sdkKey: string;
  secretKey: string;
}

export function authHeaders(route: Route, creds: Credentials): Record<string, string> {
  switch (route.auth) {
    case 'session':
      return as(creds.builder);
    case 'sdk-key':
      return { 'x-waymark-key': creds.sdkKey };
    case 'secret-key':
      return { authorization: `Bearer ${creds.secretKey}` };
    case 'none':
      return {};
    default: {
      const unreachable: never = route.auth;
      return unreachable;
    }
  }
}

export interface RequestParts {
  params?: Record<string, string>;
  query?: Record<string, string | string[]>;
  body?: unknown;
  /** A raw body string, sent as is (malformed JSON and the like). */
  raw?: string;
  headers?: Record<string, string>;
}

export function urlOf(base: string, route: Route, parts: RequestParts): string {
  const path = route.path.replace(/\{(\w+)\}/g, (_whole, name: string) => {
    const value = parts.params?.[name];
    if (value === undefined) throw new Error(`${route.name}: no value for {${name}}`);
    return encodeURIComponent(value);
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(parts.query ?? {})) {
    for (const one of Array.isArray(value) ? value : [value]) search.append(key, one);
  }
  const query = search.toString();
  return `${base}${path}${query ? `?${query}` : ''}`;
}

/** One call of a contract route with the caller's credentials; non-JSON answers come as text. */
export async function send(
  base: string,
  route: Route,
  creds: Credentials | null,
  parts: RequestParts,
): Promise<Answer> {
  const headers: Record<string, string> = {
    ...(creds ? authHeaders(route, creds) : {}),
    ...(parts.raw !== undefined || parts.body !== undefined
      ? { 'content-type': 'application/json' }
      : {}),
    ...parts.headers,
  };
  const body = parts.raw ?? (parts.body === undefined ? undefined : JSON.stringify(parts.body));
  const response = await fetch(urlOf(base, route, parts), {
    method: route.method,
    headers,
    ...(body === undefined ? {} : { body }),
  });
  const text = await response.text();
  const json = (response.headers.get('content-type') ?? '').includes('json');
  return {
    status: response.status,
    body: json && text ? (JSON.parse(text) as unknown) : text,
    headers: response.headers,
  };
}

/** Query values as strings, the way they travel in a URL. */
export function asQuery(value: Json | null): Record<string, string> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [key, typeof v === 'string' ? v : JSON.stringify(v)]),
  );
}

/**
 * Resolved ids, keyed by the path prefix that ends in the parameter:
 * `/api/workspaces/{workspaceId}`, `/api/v1/segments/{id}`. The same name (`id`) can mean
 * different resources on different paths, so names alone are not keys.
 */
export type Ids = Record<string, string>;

const prefixOf = (path: string, name: string): string =>
  path.slice(0, path.indexOf(`{${name}}`) + name.length + 2);

/**
 * Path parameter values for one route. Unresolved ones are left out, or with `fallback` made up
 * (a fresh uuid), for callers that only need the route to be reachable.
 */
export function paramsFor(route: Route, ids: Ids, fallback = false): Record<string, string> {
  const params: Record<string, string> = {};
  for (const name of paramsOf(route.path)) {
    const value = ids[prefixOf(route.path, name)] ?? (fallback ? randomUUID() : undefined);
    if (value !== undefined) params[name] = value;
  }
  return params;
}

export const unresolved = (route: Route, ids: Ids): string[] =>
  paramsOf(route.path).filter((name) => ids[prefixOf(route.path, name)] === undefined);

/** Body field names that mean a resolved id: `contentId` for `…/content/{contentId}`, `segmentId` for `…/segments/{id}`. */
function aliases(ids: Ids): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [prefix, value] of Object.entries(ids)) {
    const match = /\/([\w-]+)\/\{(\w+)\}$/.exec(prefix);
    if (!match) continue;
    const [, collection, name] = match as unknown as [string, string, string];
    if (name !== 'id') out[name] = value;
    const singular = collection.replace(/ies$/, 'y').replace(/s$/, '');
    out[`${singular.replace(/-(\w)/g, (_m, c: string) => c.toUpperCase())}Id`] = value;
  }
  delete out.workspaceId;
  return out;
}

/** Puts known ids into a generated body: a field named like a resolved id gets its value. */
export function withKnownIds(value: Json | null, names: Record<string, string>): Json | null {
  if (Array.isArray(value)) return value.map((item) => withKnownIds(item, names));
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [
      key,
      names[key] !== undefined && typeof v === 'string' ? names[key] : withKnownIds(v, names),
    ]),
  );
}

/** A request for `route` that passes validation (as far as generation can tell). */
export function validRequest(route: Route, ids: Ids, fallback = false): RequestParts {
  const names = aliases(ids);
  const sample = (schema: z.ZodType | undefined) =>
    schema ? withKnownIds(validSample(schema, 'minimal'), names) : null;
  const body = sample(route.body);
  return {
    params: paramsFor(route, ids, fallback),
    query: asQuery(sample(route.query)),
    ...(route.body ? { body: body ?? {} } : {}),
  };
}

const arrayIn = (body: unknown): Array<Record<string, unknown>> => {
  if (Array.isArray(body)) return body as Array<Record<string, unknown>>;
  if (body && typeof body === 'object') {
    const found = Object.values(body).find(Array.isArray);
    if (found) return found as Array<Record<string, unknown>>;
  }
  return [];
};

/**
 * Real ids of the caller's own resources for every path parameter in the contract. `{x}` after
 * `/things` is read from the items of `GET …/things` (field `x`, else `id`); `extra` supplies
 * resources no route lists. What stays unresolved, the isolation matrix reports.
 */
export async function resolveIds(
  base: string,
  creds: Credentials,
  workspaceId: string,
  extra: Ids = {},
): Promise<Ids> {
  const ids: Ids = { '/api/workspaces/{workspaceId}': workspaceId, ...extra };
  const wanted = new Map<string, string>();
  for (const route of routes) {
    for (const name of paramsOf(route.path)) wanted.set(prefixOf(route.path, name), name);
  }
  for (let pass = 0; pass < 3; pass += 1) {
    for (const [prefix, name] of wanted) {
      if (ids[prefix] !== undefined) continue;
      const collection = prefix.slice(0, prefix.length - name.length - 3);
      const list = routes.find((r) => r.method === 'GET' && r.path === collection);
      if (!list || unresolved(list, ids).length) continue;
      const answer = await send(base, list, creds, validRequest(list, ids));
      const item = arrayIn(answer.body).at(-1);
      const value = item?.[name] ?? item?.id;
      if (typeof value === 'string' || typeof value === 'number') ids[prefix] = String(value);
    }
  }
  return ids;
}

/**
 * Creates one of everything the caller can create through the contract: every POST on a path
 * that is also a GET collection, with a generated body (known ids filled in). Two passes, so
 * nested collections find their parents.
 */
export async function seedThroughContract(
  base: string,
  creds: Credentials,
  workspaceId: string,
  extra: Ids = {},
): Promise<Record<string, number>> {
  const statuses: Record<string, number> = {};
  let ids: Ids = { '/api/workspaces/{workspaceId}': workspaceId, ...extra };
  for (let pass = 0; pass < 2; pass += 1) {
    for (const route of routes) {
      const isCreate =
        route.method === 'POST' &&
        route.auth !== 'none' &&
        routes.some((r) => r.method === 'GET' && r.path === route.path);
      if (!isCreate || unresolved(route, ids).length || statuses[route.name] === 201) continue;
      statuses[route.name] = (await send(base, route, creds, validRequest(route, ids))).status;
    }
    ids = await resolveIds(base, creds, workspaceId, extra);
  }
  return statuses;
}
