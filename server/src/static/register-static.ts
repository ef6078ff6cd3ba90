import fastifyStatic, { type FastifyStaticOptions } from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/config';

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

interface Mount {
  /** Mounted only when this folder exists at startup. */
  folder: string;
  options: FastifyStaticOptions;
}

/**
 * The widget's scripts name their source maps in a `SourceMap` header (what devtools read, like
 * the `//# sourceMappingURL=` comment) rather than in the file: the comment would be bytes every
 * page downloads (widget/build.mjs).
 */
const sourceMapHeader = (reply: FastifyReply, file: string): void => {
  if (file.endsWith('.js')) reply.header('sourcemap', `${path.basename(file)}.map`);
};

/**
 * Built assets: the widget under /sdk/ (with `sourceMapHeader`), the builder's files at /, the
 * demo app's files under /demo/. Routes are made per file at startup (wildcard: false) so they
 * never shadow API routes. The builder's scripts and stylesheets are under /assets/
 * (builder-ui/build.mjs), named by content hash: cached for a year as immutable, sent
 * pre-compressed from their `.br`/`.gz` twins, and served by one /assets/* route that looks on
 * disk per request, so a rebuild while the server runs (new names) needs no restart. index.html,
 * which names them, is never cached (pages.controller.ts).
 */
export async function registerStatic(fastify: FastifyInstance, config: Config): Promise<void> {
  const builder = config.paths.builder;
  const mounts: Mount[] = [
    {
      folder: config.paths.widget,
      options: {
        root: config.paths.widget,
        prefix: '/sdk/',
        maxAge: 300_000,
        setHeaders: sourceMapHeader,
      },
    },
    {
      folder: builder,
      options: { root: builder, prefix: '/', maxAge: 0, globIgnore: ['assets/**'] },
    },
    {
      folder: builder,
      options: {
        root: path.join(builder, 'assets'),
        prefix: '/assets/',
        wildcard: true,
        maxAge: YEAR_MS,
        immutable: true,
        preCompressed: true,
      },
    },
    {
      folder: config.paths.demo,
      options: { root: config.paths.demo, prefix: '/demo/', maxAge: 0 },
    },
  ];
  let decorated = false;
  for (const { folder, options } of mounts) {
    if (!existsSync(folder)) continue;
    await fastify.register(fastifyStatic, {
      wildcard: false,
      index: false,
      decorateReply: !decorated,
      cacheControl: true,
      allowedPath: (pathName) => !pathName.endsWith('.html') && !pathName.endsWith('.md'),
      ...options,
    });
    decorated = true;
  }
}
