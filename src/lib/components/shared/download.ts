/**
 * Saving something from the page as a file. The object URL lives only for the click: nothing of
 * the message goes into the page's address or anywhere outside the browser.
 */

/** Offer `content` (bytes or text) as a download named `filename`. */
export function downloadFile(content: BlobPart | Uint8Array, filename: string, type: string): void {
  const blob = new Blob([content as BlobPart], { type: type || 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  // Some browsers only follow a click on a link that is in the document.
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
