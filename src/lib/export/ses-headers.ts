/**
 * SES's own headers in a draft: the configuration set and message tags SES reads from
 * `X-SES-CONFIGURATION-SET` and `X-SES-MESSAGE-TAGS` (and removes before sending), which the API
 * requests carry as `ConfigurationSetName` and `EmailTags` / `Tags`. They are read exactly as the
 * simulator reads them, so a draft exported as Simple content means what it means sent Raw.
 */
import {
  CONFIGURATION_SET_HEADER,
  MESSAGE_TAGS_HEADER,
  parseMessageTagsHeader,
  readSesControlHeaders,
  type SesMessageTag,
} from '../ses/index.ts';
import type { HeaderField } from '../mime/types.ts';

export { CONFIGURATION_SET_HEADER, MESSAGE_TAGS_HEADER };

/** What SES reads from a draft's extra headers, and the headers left for the message itself. */
export interface SesHeaderSettings {
  configurationSetName?: string;
  tags: SesMessageTag[];
  /** Every other extra header, in order. */
  otherHeaders: HeaderField[];
}

/**
 * Parse `name1=value1, name2=value2` as SES does: a piece without `=` is a tag with an empty
 * value, which SES refuses.
 */
export const parseMessageTags: (value: string) => SesMessageTag[] = parseMessageTagsHeader;

/** Split a draft's extra headers into SES's settings and the rest. Header names are case-insensitive. */
export function readSesHeaders(headers: readonly HeaderField[] = []): SesHeaderSettings {
  const control = readSesControlHeaders(headers);
  const configurationSet = CONFIGURATION_SET_HEADER.toLowerCase();
  const messageTags = MESSAGE_TAGS_HEADER.toLowerCase();
  const settings: SesHeaderSettings = {
    tags: control.tags ?? [],
    otherHeaders: headers.filter((header) => {
      const name = header.name.trim().toLowerCase();
      return name !== configurationSet && name !== messageTags;
    }),
  };
  if (control.configurationSetName !== undefined) {
    settings.configurationSetName = control.configurationSetName;
  }
  return settings;
}
