/**
 * The file name an exported message is saved under: its subject, made safe for every common
 * file system, or `message` when it has none.
 */

/** File names are cut to this many characters (before `.eml`), well under every system's limit. */
const MAX_NAME_LENGTH = 100;

/** `<subject or message>.eml`, without characters that Windows, macOS or Linux refuse. */
export function emlFileName(subject: string | undefined): string {
  const safe = (subject ?? '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .replace(/[. ]+$/, '');
  const cut = Array.from(safe).slice(0, MAX_NAME_LENGTH).join('').trim();
  return `${cut || 'message'}.eml`;
}
