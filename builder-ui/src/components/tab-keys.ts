/**
 * Where an arrow key moves in a row of `count` ARIA tabs from `index`: ←/→ step and wrap around,
 * Home and End go to the ends; null for any other key (the tab list leaves it alone).
 * https://www.w3.org/WAI/ARIA/apg/patterns/tabs/
 */
export function tabKeyTarget(key: string, index: number, count: number): number | null {
  const last = count - 1;
  switch (key) {
    case 'ArrowRight':
      return index === last ? 0 : index + 1;
    case 'ArrowLeft':
      return index === 0 ? last : index - 1;
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return null;
  }
}
