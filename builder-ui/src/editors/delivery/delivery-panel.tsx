import type { ContentDetail } from '@waymark/shared';

export interface DeliveryPanelProps {
  content: ContentDetail;
  /** Called with the item as the server answered after a delivery change was saved. */
  onSaved: (content: ContentDetail) => void;
  readOnly: boolean;
}

/** Placeholder (H7): audience, triggers, frequency, priority and schedule; saves itself. */
export function DeliveryPanel(_props: DeliveryPanelProps) {
  return <p class="muted">Targeting is not built yet.</p>;
}
