import { Module } from '@nestjs/common';

/** Feature tags: no-code click and page definitions that become events. */
@Module({})
export class FeatureTagsModule {}
