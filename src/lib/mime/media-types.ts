/**
 * Content types for attachments: the draft's own when it is well-formed, else a guess from the
 * file name's extension, else `application/octet-stream` (RFC 2046 §4.5.1).
 */

const BY_EXTENSION: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  ico: 'image/vnd.microsoft.icon',
  txt: 'text/plain',
  csv: 'text/csv',
  htm: 'text/html',
  html: 'text/html',
  ics: 'text/calendar',
  json: 'application/json',
  xml: 'application/xml',
  zip: 'application/zip',
  gz: 'application/gzip',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  mp3: 'audio/mpeg',
  mp4: 'video/mp4',
  eml: 'message/rfc822',
};

/** RFC 2045 §5.1 type "/" subtype, both tokens, each at most 127 characters (RFC 6838 §4.2). */
const MEDIA_TYPE = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,127}\/[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,127}$/;

/** Whether a text is a well-formed `type/subtype`. */
export function isMediaType(value: string): boolean {
  return MEDIA_TYPE.test(value);
}

/** The content type for an attachment, lower-cased. */
export function attachmentType(filename: string, declared?: string): string {
  if (declared && isMediaType(declared.trim())) return declared.trim().toLowerCase();
  const extension = /\.([A-Za-z0-9]+)$/.exec(filename)?.[1]?.toLowerCase();
  return (extension && BY_EXTENSION[extension]) || 'application/octet-stream';
}
