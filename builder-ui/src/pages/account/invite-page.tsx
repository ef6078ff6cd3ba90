import type { MeResponse } from '@waymark/shared';
import type { ApiClient } from '../../api';

export interface InvitePageProps {
  api: ApiClient;
  me: MeResponse;
  /** Called with the workspace joined, after the server accepted the invitation. */
  onAccepted: (workspaceId: string) => Promise<void>;
}

/** Placeholder until this page is built. */
export function InvitePage(_props: InvitePageProps) {
  return <h1>Invitation</h1>;
}
