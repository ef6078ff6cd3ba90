import { Link } from '../../components/link';
import { usePath } from '../../router';

/** The settings pages, in the order the tabs show them. */
export const settingsPages = [
  { path: '/settings/team', label: 'Team' },
  { path: '/settings/environments', label: 'Environments & keys' },
  { path: '/settings/install', label: 'Install' },
  { path: '/settings/themes', label: 'Themes' },
  { path: '/settings/workspace', label: 'Workspace' },
  { path: '/settings/audit', label: 'Audit log' },
] as const;

/** The tab row above every settings page. */
export function SettingsNav() {
  const path = usePath();
  return (
    <nav class="subnav" aria-label="Settings">
      <ul>
        {settingsPages.map((page) => (
          <li key={page.path}>
            <Link href={page.path} class="subnav-link" current={path === page.path}>
              {page.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
