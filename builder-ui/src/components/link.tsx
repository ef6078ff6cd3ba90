import type { ComponentChildren, TargetedMouseEvent } from 'preact';
import { isPlainClick, navigate } from '../router';

interface LinkProps {
  href: string;
  class?: string;
  current?: boolean;
  children: ComponentChildren;
}

/** A real link that navigates inside the app on a plain click and behaves normally otherwise. */
export function Link({ href, class: className, current = false, children }: LinkProps) {
  const onClick = (event: TargetedMouseEvent<HTMLAnchorElement>) => {
    if (!isPlainClick(event)) return;
    event.preventDefault();
    navigate(href);
  };
  return (
    <a href={href} class={className} aria-current={current ? 'page' : undefined} onClick={onClick}>
      {children}
    </a>
  );
}
