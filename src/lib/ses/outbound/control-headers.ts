/**
 * The `X-SES-*` headers SES reads from a message and removes before sending it (ses-facts §2.3,
 * §9): the configuration set, the message tags and the sending-authorization ARNs. Read here once
 * for Simple and Raw content alike, and by the exports that turn them into request members.
 */
import type { HeaderField } from '../../mime/index.ts';
import { parseMessageTagsHeader } from './message-tags.ts';
import type { SesListManagementOptions, SesMessageTag } from '../api/request-types.ts';

/** The header naming the configuration set (SES developer guide, event publishing). */
export const CONFIGURATION_SET_HEADER = 'X-SES-CONFIGURATION-SET';
/** The header carrying message tags as `name1=value1, name2=value2`. */
export const MESSAGE_TAGS_HEADER = 'X-SES-MESSAGE-TAGS';

/**
 * The header carrying list management for SMTP and raw sends, as
 * `contactListName=Newsletter; topicName=Weekly` (SES's subscription management; the form
 * SES-compatible services document).
 */
export const LIST_MANAGEMENT_HEADER = 'X-SES-LIST-MANAGEMENT-OPTIONS';

/** The `X-SES-*` headers SES reads and removes before sending (ses-facts §9). */
export const SES_CONTROL_HEADERS: readonly string[] = [
  CONFIGURATION_SET_HEADER,
  MESSAGE_TAGS_HEADER,
  LIST_MANAGEMENT_HEADER,
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
  /** The first `X-SES-LIST-MANAGEMENT-OPTIONS`, read as `ListManagementOptions`. */
  listManagement?: SesListManagementOptions;
}

/** `contactListName=…; topicName=…` as ListManagementOptions; undefined without a list name. */
export function parseListManagementHeader(value: string): SesListManagementOptions | undefined {
  const fields = new Map<string, string>();
  for (const piece of value.split(';')) {
    const at = piece.indexOf('=');
    if (at > 0) fields.set(piece.slice(0, at).trim().toLowerCase(), piece.slice(at + 1).trim());
  }
  const list = fields.get('contactlistname');
  if (!list) return undefined;
  const topic = fields.get('topicname');
  return { ContactListName: list, ...(topic ? { TopicName: topic } : {}) };
}

/**
 * Read the configuration set and tags from headers. SES documents one header of each; the
 * simulator takes the first configuration set and the tags of every tag header together.
 */
export function readSesControlHeaders(headers: readonly HeaderField[]): SesControlSettings {
  const settings: SesControlSettings = {};
  const configurationSet = CONFIGURATION_SET_HEADER.toLowerCase();
  const messageTags = MESSAGE_TAGS_HEADER.toLowerCase();
  const listManagement = LIST_MANAGEMENT_HEADER.toLowerCase();
  for (const header of headers) {
    const name = header.name.trim().toLowerCase();
    if (name === configurationSet && settings.configurationSetName === undefined) {
      const value = header.value.trim();
      if (value) settings.configurationSetName = value;
    } else if (name === messageTags) {
      settings.tags = [...(settings.tags ?? []), ...parseMessageTagsHeader(header.value)];
    } else if (name === listManagement && settings.listManagement === undefined) {
      const options = parseListManagementHeader(header.value);
      if (options) settings.listManagement = options;
    }
  }
  return settings;
}
