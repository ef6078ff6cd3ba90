import { Account } from '../auth/account.entity';
import { AuthSession } from '../auth/auth-session.entity';
import { ContentVersion } from '../content/content-version.entity';
import { Content } from '../content/content.entity';
import { Environment } from '../workspaces/environment.entity';
import { Membership } from '../workspaces/membership.entity';
import { Workspace } from '../workspaces/workspace.entity';

export const entities = [
  Workspace,
  Membership,
  Environment,
  Account,
  AuthSession,
  Content,
  ContentVersion,
];
