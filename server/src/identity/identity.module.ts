import { Module } from '@nestjs/common';
import { ContentModule } from '../content/content.module';
import { IdentityService } from './identity.service';

/** End users, identities (anonymous → identified merges), traits and companies. */
@Module({
  // ContentModule provides ConfigChanges: `waymark_identity` keeps resolved pairs current.
  imports: [ContentModule],
  providers: [IdentityService],
  exports: [IdentityService],
})
export class IdentityModule {}
