import type { ComponentChildren } from 'preact';
import { Brand } from '../../shell/brand';

interface AccountFrameProps {
  title: string;
  lede?: ComponentChildren;
  children: ComponentChildren;
  /** Links under the panel: "Back to sign in", "Create an account". */
  footer?: ComponentChildren;
}

/** The centred panel every signed-out page (and the invitation) sits in. */
export function AccountFrame({ title, lede, children, footer }: AccountFrameProps) {
  return (
    <main class="login">
      <div class="login-panel">
        <Brand />
        <h1 class="login-title">{title}</h1>
        {lede && <p class="login-lede">{lede}</p>}
        {children}
        {footer && <div class="account-links">{footer}</div>}
      </div>
    </main>
  );
}

/** A same-origin path to go to after signing in or up (`?next=`), never another site. */
export function nextPath(search: string = window.location.search): string | null {
  const next = new URLSearchParams(search).get('next');
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\')
    ? next
    : null;
}

/** The current path and query, for `?next=` links from a page the visitor must come back to. */
export const hereWithQuery = (): string => `${window.location.pathname}${window.location.search}`;
