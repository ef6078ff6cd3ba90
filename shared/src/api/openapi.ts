import * as z from 'zod';
import { ErrorBodySchema } from '../errors.js';
import type { Auth, RouteContract } from './contract.js';

type JsonSchema = Record<string, unknown>;

const securityOf: Record<Auth, Array<Record<string, string[]>>> = {
  none: [],
  'sdk-key': [{ sdkKey: [] }],
  'secret-key': [{ secretKey: [] }],
  session: [{ session: [] }],
};

const toSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  return rest;
};

/** Query and path parameters as OpenAPI parameter objects, one per property. */
function parametersOf(schema: z.ZodType | undefined, where: 'query' | 'path'): JsonSchema[] {
  if (!schema) return [];
  const json = toSchema(schema, 'input') as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: property,
  }));
}

/** Builds an OpenAPI 3.1 document from a route contract table. */
export function buildOpenApi(
  routes: Record<string, RouteContract>,
  info: { title: string; version: string },
): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const [operationId, route] of Object.entries(routes)) {
    const operation: JsonSchema = {
      operationId,
      summary: route.summary,
      tags: [route.tag],
      security: securityOf[route.auth],
      parameters: [...parametersOf(route.params, 'path'), ...parametersOf(route.query, 'query')],
      responses: {
        [String(route.status ?? 200)]: {
          description: 'Success',
          content: { 'application/json': { schema: toSchema(route.response, 'output') } },
        },
        '4XX': {
          description: 'Client error: `{code, message, details}`',
          content: { 'application/json': { schema: toSchema(ErrorBodySchema, 'output') } },
        },
      },
    };
    if (route.body) {
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: toSchema(route.body, 'input') } },
      };
    }
    (paths[route.path] ??= {})[route.method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.1.0',
    info,
    paths,
    components: {
      securitySchemes: {
        sdkKey: { type: 'apiKey', in: 'header', name: 'x-waymark-key' },
        secretKey: { type: 'http', scheme: 'bearer' },
        session: { type: 'apiKey', in: 'cookie', name: 'wm_session' },
      },
    },
  };
}
