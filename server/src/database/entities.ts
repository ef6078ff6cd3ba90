import { Account } from '../auth/account.entity';
import { AuthSession } from '../auth/auth-session.entity';
import { PasswordReset } from '../auth/password-reset.entity';
import { ContentVersion } from '../content/content-version.entity';
import { Content } from '../content/content.entity';
import { Theme } from '../content/theme.entity';
import { Experiment } from '../experiments/experiment.entity';
import { Environment } from '../workspaces/environment.entity';
import { Invitation } from '../workspaces/invitation.entity';
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
  Theme,
  Experiment,
  PasswordReset,
  Invitation,
];
