/**
 * SES's own headers in a draft: the configuration set and message tags SES reads from
 * `X-SES-CONFIGURATION-SET` and `X-SES-MESSAGE-TAGS` (and removes before sending), which the API
 * requests carry as `ConfigurationSetName` and `EmailTags` / `Tags`.
 */
import type { SesMessageTag } from '../ses/request-types.ts';
import type { HeaderField } from '../mime/types.ts';

/** The header naming the configuration set (SES developer guide, event publishing). */
export const CONFIGURATION_SET_HEADER = 'X-SES-CONFIGURATION-SET';
/** The header carrying message tags as `name1=value1, name2=value2`. */
export const MESSAGE_TAGS_HEADER = 'X-SES-MESSAGE-TAGS';

/** What SES reads from a draft's extra headers, and the headers left for the message itself. */
export interface SesHeaderSettings {
  configurationSetName?: string;
  tags: SesMessageTag[];
  /** Every other extra header, in order. */
  otherHeaders: HeaderField[];
}

/** Parse `name1=value1, name2=value2`; pieces without `=` are skipped. */
export function parseMessageTags(value: string): SesMessageTag[] {
  const tags: SesMessageTag[] = [];
  for (const piece of value.split(',')) {
    const equals = piece.indexOf('=');
    if (equals <= 0) continue;
    const name = piece.slice(0, equals).trim();
    const tagValue = piece.slice(equals + 1).trim();
    if (name) tags.push({ Name: name, Value: tagValue });
  }
  return tags;
}

/** Split a draft's extra headers into SES's settings and the rest. Header names are case-insensitive. */
export function readSesHeaders(headers: readonly HeaderField[] = []): SesHeaderSettings {
  const settings: SesHeaderSettings = { tags: [], otherHeaders: [] };
  for (const header of headers) {
    const name = header.name.trim().toUpperCase();
    if (name === CONFIGURATION_SET_HEADER) {
      const value = header.value.trim();
      if (value) settings.configurationSetName = value;
    } else if (name === MESSAGE_TAGS_HEADER) {
      settings.tags.push(...parseMessageTags(header.value));
    } else {
      settings.otherHeaders.push(header);
    }
  }
  return settings;
}
