import { Module } from '@nestjs/common';

/** Draft previews on the customer's real app (author only). */
@Module({})
export class PreviewModule {}
