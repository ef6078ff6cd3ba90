import { Controller } from '@nestjs/common';
import { contract } from '@waymark/shared';
import { WorkspaceCrudController } from '../common/workspace-crud.controller';
import { FeatureTagsService } from './feature-tags.service';

/** Feature tags of a workspace. Viewers read; editors and owners change (update is a PUT). */
@Controller('api/workspaces/:workspaceId/feature-tags')
export class FeatureTagsController extends WorkspaceCrudController({
  list: contract.featureTagList,
  create: contract.featureTagCreate,
  get: contract.featureTagGet,
  update: contract.featureTagUpdate,
  delete: contract.featureTagDelete,
}) {
  constructor(tags: FeatureTagsService) {
    super(tags);
  }
}
