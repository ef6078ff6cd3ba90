import { Controller, Get, Header } from '@nestjs/common';
import { buildOpenApi, contract } from '@waymark/shared';
import { docsCss, renderDocsPage } from './docs-page';

const version = '0.1.0';

@Controller('api')
export class DocsController {
  private readonly openApi = buildOpenApi(contract, { title: 'Waymark API', version });
  private readonly page = renderDocsPage(contract);

  @Get('openapi.json')
  openapi(): Record<string, unknown> {
    return this.openApi;
  }

  @Get('docs')
  @Header('content-type', 'text/html; charset=utf-8')
  docs(): string {
    return this.page;
  }

  @Get('docs.css')
  @Header('content-type', 'text/css; charset=utf-8')
  css(): string {
    return docsCss;
  }
}
