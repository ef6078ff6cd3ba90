import {
  applyDecorators,
  Body,
  HttpCode,
  Param,
  RequestMapping,
  RequestMethod,
} from '@nestjs/common';
import type { RouteContract } from '@waymark/shared';
import type { z } from 'zod';
import type { Role } from '../workspaces/membership.entity';
import {
  CurrentMember,
  RequireRole,
  type WorkspaceMember,
} from '../workspaces/require-role.decorator';
import { ZodPipe } from './zod.pipe';

type Route = RouteContract & { params: z.ZodType };
type BodyRoute = Route & { body: z.ZodType };
type Out<R extends RouteContract> = z.output<R['response']>;
type In<R extends BodyRoute> = z.output<R['body']>;

/** The route's params, validated with its schema. */
const params = (route: Route) => Param(new ZodPipe(route.params));
/** The route's body, validated with its schema. */
const body = (route: BodyRoute) => Body(new ZodPipe(route.body));

/** One workspace resource's routes, as `contract` lists them (collection, then one item). */
export interface ResourceRoutes {
  list: Route & { response: z.ZodType<{ data: unknown[] }> };
  create: BodyRoute;
  get: Route;
  update: BodyRoute;
}

/** What the resource's service offers; it checks, writes and audits in one transaction. */
export interface ResourceService<R extends ResourceRoutes> {
  list(workspaceId: string): Promise<Out<R['list']>['data']>;
  get(workspaceId: string, id: string): Promise<Out<R['get']>>;
  create(
    workspaceId: string,
    member: WorkspaceMember,
    input: In<R['create']>,
  ): Promise<Out<R['create']>>;
  update(
    workspaceId: string,
    member: WorkspaceMember,
    id: string,
    input: In<R['update']>,
  ): Promise<Out<R['update']>>;
}

/** A route's params once validated: the workspace id and, on an item's routes, its id. */
type ItemParams = { workspaceId: string } & Record<string, string>;

/**
 * The routes every builder resource under `/api/workspaces/:workspaceId/<resource>` repeats:
 * list and get for viewers, create and update for editors. Method, path and success status come
 * from the contract entries, so what is served is what the OpenAPI document says; the params and
 * body are validated with the entries' schemas. The subclass adds `@Controller(<the list path>)`,
 * its constructor and its own routes. `WorkspaceCrudController` adds delete.
 */
export function WorkspaceResourceController<const R extends ResourceRoutes>(routes: R) {
  const collection = routes.list.path;
  const item = itemParam(routes.get.path);

  abstract class WorkspaceResource {
    constructor(protected readonly service: ResourceService<R>) {}

    /** The item id of the route's params (the schema has made sure it is there). */
    protected idOf(p: ItemParams): string {
      return p[item]!;
    }

    @served(collection, routes.list, 'viewer')
    async list(@params(routes.list) p: ItemParams): Promise<{ data: Out<R['list']>['data'] }> {
      return { data: await this.service.list(p.workspaceId) };
    }

    @served(collection, routes.create, 'editor')
    create(
      @params(routes.create) p: ItemParams,
      @body(routes.create) input: In<R['create']>,
      @CurrentMember() member: WorkspaceMember,
    ): Promise<Out<R['create']>> {
      return this.service.create(p.workspaceId, member, input);
    }

    @served(collection, routes.get, 'viewer')
    get(@params(routes.get) p: ItemParams): Promise<Out<R['get']>> {
      return this.service.get(p.workspaceId, this.idOf(p));
    }

    @served(collection, routes.update, 'editor')
    update(
      @params(routes.update) p: ItemParams,
      @body(routes.update) input: In<R['update']>,
      @CurrentMember() member: WorkspaceMember,
    ): Promise<Out<R['update']>> {
      return this.service.update(p.workspaceId, member, this.idOf(p), input);
    }
  }
  return WorkspaceResource;
}

/** A resource that can also be deleted (`{ ok: true }` once it is). */
export interface CrudRoutes extends ResourceRoutes {
  delete: Route;
}

export interface CrudService<R extends CrudRoutes> extends ResourceService<R> {
  remove(workspaceId: string, member: WorkspaceMember, id: string): Promise<void>;
}

/** `WorkspaceResourceController` and delete, for editors. */
export function WorkspaceCrudController<const R extends CrudRoutes>(routes: R) {
  abstract class WorkspaceCrud extends WorkspaceResourceController(routes) {
    constructor(protected override readonly service: CrudService<R>) {
      super(service);
    }

    @served(routes.list.path, routes.delete, 'editor')
    async remove(
      @params(routes.delete) p: ItemParams,
      @CurrentMember() member: WorkspaceMember,
    ): Promise<{ ok: true }> {
      await this.service.remove(p.workspaceId, member, this.idOf(p));
      return { ok: true };
    }
  }
  return WorkspaceCrud;
}

/** The last path parameter's name: `themeId` in `…/themes/{themeId}`. */
function itemParam(path: string): string {
  const name = /\{(\w+)\}$/.exec(path)?.[1];
  if (!name) throw new Error(`${path}: no item parameter`);
  return name;
}

/**
 * Serves a contract route on a controller mounted at `collection` (the contract path of the
 * resource's list): its method, its path below the collection (`{id}` becoming `:id`), its
 * success status, and the minimum role of the caller.
 */
function served(collection: string, route: RouteContract, role: Role): MethodDecorator {
  if (route.path !== collection && !route.path.startsWith(`${collection}/`)) {
    throw new Error(`${route.path} is not below ${collection}`);
  }
  const path = route.path.slice(collection.length).replace(/\{(\w+)\}/g, ':$1');
  return applyDecorators(
    RequestMapping({ path, method: RequestMethod[route.method] }),
    HttpCode(route.status ?? 200),
    RequireRole(role),
  );
}
