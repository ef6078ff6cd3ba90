import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import type { Config } from '../config/config';

/**
 * Built assets: the widget under /sdk/, the builder's files at /, the demo app's files under
 * /demo/. Routes are made per file at startup (wildcard: false) so they never shadow API routes.
 */
export async function registerStatic(fastify: FastifyInstance, config: Config): Promise<void> {
  const mounts = [
    { root: config.paths.widget, prefix: '/sdk/', maxAge: 300 },
    { root: config.paths.builder, prefix: '/', maxAge: 0 },
    { root: config.paths.demo, prefix: '/demo/', maxAge: 0 },
  ];
  let decorated = false;
  for (const mount of mounts) {
    if (!existsSync(mount.root)) continue;
    await fastify.register(fastifyStatic, {
      root: mount.root,
      prefix: mount.prefix,
      wildcard: false,
      index: false,
      decorateReply: !decorated,
      cacheControl: true,
      maxAge: mount.maxAge * 1000,
      allowedPath: (pathName) => !pathName.endsWith('.html') && !pathName.endsWith('.md'),
    });
    decorated = true;
  }
}
