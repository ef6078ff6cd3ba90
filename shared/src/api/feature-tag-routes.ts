import type { RouteContract } from './contract.js';

/** Routes of this area, spread into `contract`. */
export const featureTagRoutes = {} as const satisfies Record<string, RouteContract>;
