/** "3 d 4 h", "45 min", "—": a duration in seconds for the stage table. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '—';
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = seconds / 60;
  if (minutes < 60) return `${Math.round(minutes)} min`;
  const hours = minutes / 60;
  if (hours < 48) return `${Math.floor(hours)} h ${Math.round(minutes % 60)} min`;
  const days = Math.floor(hours / 24);
  return `${days} d ${Math.round(hours % 24)} h`;
}

/** A stage id from its name: "Activated users" → "activated-users" (unique among `taken`). */
export function stageIdFrom(name: string, taken: readonly string[]): string {
  const base =
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 56) || 'stage';
  let id = base;
  for (let n = 2; taken.includes(id); n++) id = `${base}-${n}`;
  return id;
}

export const percent = (ratio: number | null): string =>
  ratio === null ? '—' : `${(ratio * 100).toFixed(1)} %`;
