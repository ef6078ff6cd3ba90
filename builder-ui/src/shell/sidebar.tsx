import { Link } from '../components/link';
import { sections } from '../sections';
import { Brand } from './brand';
import { Icon } from './icons';

interface SidebarProps {
  path: string;
  email: string;
  signingOut: boolean;
  onSignOut: () => void;
}

/** The main navigation landmark: brand, the section list and the signed-in account. */
export function Sidebar({ path, email, signingOut, onSignOut }: SidebarProps) {
  return (
    <nav class="sidebar" aria-label="Main">
      <Link href="/content" class="sidebar-brand">
        <Brand />
      </Link>
      <div class="sidebar-nav">
        <ul>
          {sections.map((section) => {
            const current = path === section.path || path.startsWith(`${section.path}/`);
            return (
              <li key={section.path}>
                <Link href={section.path} class="nav-link" current={current}>
                  <Icon name={section.icon} />
                  <span>{section.label}</span>
                  {!section.built && (
                    <span class="nav-soon">
                      <span aria-hidden="true">Soon</span>
                      <span class="visually-hidden">(not built yet)</span>
                    </span>
                  )}
                </Link>
              </li>
            );
          })}
        </ul>
      </div>
      <div class="sidebar-account">
        <span class="account-email" title={email}>
          {email}
        </span>
        <button
          type="button"
          class="button button-ghost button-small"
          onClick={onSignOut}
          aria-disabled={signingOut}
        >
          <Icon name="signOut" />
          {signingOut ? 'Signing out…' : 'Sign out'}
        </button>
      </div>
    </nav>
  );
}
