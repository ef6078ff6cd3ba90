import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { snippet } from '@waymark/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../common/app-error';
import { CONFIG } from '../config/config.module';
import type { Config } from '../config/config';
import { DemoService } from '../seed/demo.service';
import { strictCsp } from './security-headers';

const readOr404 = (file: string): Promise<string> =>
  readFile(file, 'utf8').catch(() => {
    throw new AppError('not_found', `${path.basename(file)} is not built yet: run npm run build.`);
  });

/** HTML entry points: the demo host app and the builder single-page app. */
@Controller()
export class PagesController {
  constructor(
    @Inject(CONFIG) private readonly config: Config,
    private readonly demo: DemoService,
  ) {}

  /**
   * The demo host app, with the real loader snippet under a strict nonce-based CSP. It runs the
   * demo workspace's content, or another workspace's when `?key=` names its public SDK key.
   */
  @Get(['demo', 'demo/*'])
  async demoPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const { key } = request.query as { key?: unknown };
    const sdkKey =
      (typeof key === 'string' ? await this.demo.knownSdkKey(key) : null) ??
      (await this.demo.sdkKey());
    if (!sdkKey)
      throw new AppError('not_found', 'The demo workspace is not seeded (SEED_DEMO=false).');
    const nonce = randomBytes(16).toString('base64');
    const apiHost = this.config.publicUrl ?? `${request.protocol}://${request.host}`;
    const html = (await readOr404(path.join(this.config.paths.demo, 'index.html')))
      .replaceAll('{{nonce}}', nonce)
      .replace('{{snippet}}', snippet({ sdkKey, apiHost, nonce }));
    void reply
      .header('content-security-policy', strictCsp(` 'nonce-${nonce}'`))
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(html);
  }

  /**
   * Every other GET that is not an API route opens the builder (client-side routing). A missing
   * file under /assets/ (a chunk of an older release) is a 404, not the page: served as a script,
   * the page would only fail with a MIME type error.
   */
  @Get('*')
  async builder(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    if (/^\/(api|sdk|v1|assets)(\/|$)/.test(request.url)) throw new AppError('route_not_found');
    const html = await readOr404(path.join(this.config.paths.builder, 'index.html'));
    void reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(html);
  }
}
