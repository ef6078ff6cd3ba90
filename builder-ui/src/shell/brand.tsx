/** The Waymark mark and word. */
export function Brand() {
  return (
    <span class="brand">
      <svg class="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="8" />
        <path d="M9 22V10l7 6 7-6v12" />
      </svg>
      <span class="brand-name">Waymark</span>
    </span>
  );
}
