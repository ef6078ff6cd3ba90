import type { RouteContract } from './contract.js';

/** Routes of this area, spread into `contract`. */
export const usersRoutes = {} as const satisfies Record<string, RouteContract>;
