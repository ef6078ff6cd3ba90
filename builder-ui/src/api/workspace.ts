/**
 * The customer's app, where the element picker and draft previews open. Placeholder (H4): the
 * workspace setting `appUrl`; until then the demo app served by this server.
 */
export function useAppUrl(): string {
  return `${window.location.origin}/demo/`;
}
