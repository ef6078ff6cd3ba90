import { Module } from '@nestjs/common';
import { IdentityService } from './identity.service';

/** End users, identities (anonymous → identified merges), traits and companies. */
@Module({
  providers: [IdentityService],
  exports: [IdentityService],
})
export class IdentityModule {}
