import { Global, Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';

/**
 * Global: every domain records its changes through AuditService without importing this module
 * (workspaces records too, and this module's controller needs workspaces' role guard).
 */
@Global()
@Module({
  imports: [AuthModule, WorkspacesModule],
  controllers: [AuditController],
  providers: [AuditService],
  exports: [AuditService],
})
export class AuditModule {}
