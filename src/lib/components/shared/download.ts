/**
 * Saving something from the page as a file. The object URL lives only for the click: nothing of
 * the message goes into the page's address or anywhere outside the browser. A `blob:` URL
 * belongs to the app's origin, so one typed as HTML, SVG or XML would run the file's script in
 * the app if it were ever opened as a page: such files are saved as `application/octet-stream`
 * (the name still says what they are).
 */

// Types that cannot run script when opened as a page.
const PASSIVE_TYPE =
  /^(?:text\/plain|application\/json|message\/rfc822|image\/(?:png|gif|jpeg|webp|avif))$/i;

/** Offer `content` (bytes or text) as a download named `filename`. */
export function downloadFile(content: BlobPart | Uint8Array, filename: string, type: string): void {
  const passive = PASSIVE_TYPE.test(type.split(';')[0]?.trim() ?? '');
  const blob = new Blob([content as BlobPart], {
    type: passive ? type : 'application/octet-stream',
  });
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
