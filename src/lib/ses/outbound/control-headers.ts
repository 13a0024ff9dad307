/**
 * The `X-SES-*` headers SES reads from a message and removes before sending it (ses-facts §2.3,
 * §9): the configuration set, the message tags and the sending-authorization ARNs. Read here once
 * for Simple and Raw content alike, and by the exports that turn them into request members.
 */
import type { HeaderField } from '../../mime/types.ts';
import { parseMessageTagsHeader } from './message-tags.ts';
import type { SesMessageTag } from '../api/request-types.ts';

/** The header naming the configuration set (SES developer guide, event publishing). */
export const CONFIGURATION_SET_HEADER = 'X-SES-CONFIGURATION-SET';
/** The header carrying message tags as `name1=value1, name2=value2`. */
export const MESSAGE_TAGS_HEADER = 'X-SES-MESSAGE-TAGS';

/** The `X-SES-*` headers SES reads and removes before sending (ses-facts §9). */
export const SES_CONTROL_HEADERS: readonly string[] = [
  CONFIGURATION_SET_HEADER,
  MESSAGE_TAGS_HEADER,
  'X-SES-SOURCE-ARN',
  'X-SES-FROM-ARN',
  'X-SES-RETURN-PATH-ARN',
];

const CONTROL_NAMES: ReadonlySet<string> = new Set(SES_CONTROL_HEADERS.map((n) => n.toLowerCase()));

/** Whether a header is one of SES's control headers (names are case-insensitive). */
export function isSesControlHeader(name: string): boolean {
  return CONTROL_NAMES.has(name.trim().toLowerCase());
}

/** What SES takes from a message's control headers. */
export interface SesControlSettings {
  /** The first `X-SES-CONFIGURATION-SET` value, when one is present and not empty. */
  configurationSetName?: string;
  /**
   * The tags of every `X-SES-MESSAGE-TAGS` header, in order; absent when there is no such header.
   * Pieces without a value are kept (with an empty value) for the tag check to refuse.
   */
  tags?: SesMessageTag[];
}

/**
 * Read the configuration set and tags from headers. SES documents one header of each; the
 * simulator takes the first configuration set and the tags of every tag header together.
 */
export function readSesControlHeaders(headers: readonly HeaderField[]): SesControlSettings {
  const settings: SesControlSettings = {};
  const configurationSet = CONFIGURATION_SET_HEADER.toLowerCase();
  const messageTags = MESSAGE_TAGS_HEADER.toLowerCase();
  for (const header of headers) {
    const name = header.name.trim().toLowerCase();
    if (name === configurationSet && settings.configurationSetName === undefined) {
      const value = header.value.trim();
      if (value) settings.configurationSetName = value;
    } else if (name === messageTags) {
      settings.tags = [...(settings.tags ?? []), ...parseMessageTagsHeader(header.value)];
    }
  }
  return settings;
}
