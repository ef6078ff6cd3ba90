import type { ComponentChildren } from 'preact';
import { PageHead } from '../../components/page-head';
import { useTitle } from '../../components/use-title';
import { SettingsNav } from './settings-nav';

interface SettingsFrameProps {
  /** The tab's name, for the document title and the section heading. */
  title: string;
  lede: ComponentChildren;
  children: ComponentChildren;
}

/** The heading, the tab row and the body of one settings page. */
export function SettingsFrame({ title, lede, children }: SettingsFrameProps) {
  useTitle(`${title} · Settings`);
  return (
    <>
      <PageHead title="Settings" lede="Team, keys, installation and workspace options." />
      <SettingsNav />
      <section class="settings-section" aria-labelledby="settings-title">
        <h2 id="settings-title" class="settings-title">
          {title}
        </h2>
        <p class="settings-lede">{lede}</p>
        {children}
      </section>
    </>
  );
}

/** A note for members whose role cannot change what the page shows. */
export function ReadOnlyNote({ children }: { children: ComponentChildren }) {
  return (
    <p class="readonly-note" role="note">
      {children}
    </p>
  );
}
