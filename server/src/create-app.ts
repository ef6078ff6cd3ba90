import 'reflect-metadata';
import fastifyCookie from '@fastify/cookie';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { AppError } from './common/app-error';
import { NestPinoLogger } from './common/logger';
import { registerResponseHeaders } from './common/response-headers';
import type { Config } from './config/config';
import { registerStatic } from './static/register-static';

/** 500 KB: the largest batch the ingestion API accepts. */
export const BODY_LIMIT = 512 * 1024;

/** Builds the HTTP application around an open, migrated DataSource. Does not listen. */
export async function createApp(
  config: Config,
  dataSource: DataSource,
  logger: Logger,
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    bodyLimit: BODY_LIMIT,
    trustProxy: true,
  });
  const fastify = adapter.getInstance() as unknown as FastifyInstance;

  // analytics.js and sendBeacon send JSON as text/plain to avoid CORS preflights.
  fastify.addContentTypeParser('text/plain', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(new AppError('malformed_json'), undefined);
    }
  });
  registerResponseHeaders(fastify);
  await fastify.register(fastifyCookie);
  await registerStatic(fastify, config);

  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, dataSource),
    adapter,
    { logger: new NestPinoLogger(logger), abortOnError: false },
  );
  app.enableShutdownHooks();
  await app.init();
  return app;
}
