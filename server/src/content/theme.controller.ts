import { Controller } from '@nestjs/common';
import { contract } from '@waymark/shared';
import { WorkspaceCrudController } from '../common/workspace-crud.controller';
import { ThemeService } from './theme.service';

/** Themes shared across content. Viewers read; editors and owners change. */
@Controller('api/workspaces/:workspaceId/themes')
export class ThemeController extends WorkspaceCrudController({
  list: contract.themeList,
  create: contract.themeCreate,
  get: contract.themeGet,
  update: contract.themeUpdate,
  delete: contract.themeDelete,
}) {
  constructor(themes: ThemeService) {
    super(themes);
  }
}
