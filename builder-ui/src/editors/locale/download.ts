/**
 * Saves `text` as a file through a Blob and an object URL. A download is a navigation the page
 * starts, which the builder's CSP (no `navigate-to`) does not restrict; `blob:` needs no source.
 */
export function downloadText(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke after the click has been handled, not before the browser starts reading the blob.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** "French", "Portuguese (Brazil)" — or the tag itself where the browser has no name. */
export function localeName(tag: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
