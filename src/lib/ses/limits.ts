/**
 * SES's quotas and size limits, in one place (ses-facts §2, §3.1, §5.2, §8).
 */
import {
  SES_MAX_RECIPIENTS,
  SES_V1_MAX_MESSAGE_BYTES,
  SES_V2_MAX_MESSAGE_BYTES,
} from '../mime/index.ts';

/** Most recipients (To + Cc + Bcc) per message (ses-facts §2.2). */
export const MAX_RECIPIENTS = SES_MAX_RECIPIENTS;
/** SES v2's message size limit, after base64 encoding: 40 MB (ses-facts §2.1). */
export const MAX_MESSAGE_BYTES = SES_V2_MAX_MESSAGE_BYTES;
/** The SES v1 API's message size limit, after base64 encoding: 10 MB (ses-facts §2.1). */
export const V1_MAX_MESSAGE_BYTES = SES_V1_MAX_MESSAGE_BYTES;
/** Most custom headers in `Content.Simple.Headers` (SES v2 model, `MessageHeaderList`). */
export const MAX_SIMPLE_HEADERS = 15;
/** Longest attachment file name (SES v2 model, `Attachment.FileName`). */
export const MAX_FILE_NAME = 255;
/** A Simple header's name and value together: at most 996 characters (SES v2 model). */
export const MAX_SIMPLE_HEADER_LENGTH = 996;

/** Longest tag name or value SES accepts. */
export const MAX_TAG_LENGTH = 255;

/** Headers are truncated when they reach this size (ses-facts §5.2). */
export const HEADERS_TRUNCATION_BYTES = 10 * 1024;

/** Sandbox: 200 recipients per 24 hours (ses-facts §3.1). */
export const SANDBOX_MAX_24_HOUR_SEND = 200;
/** Sandbox: 1 recipient per second (ses-facts §3.1). */
export const SANDBOX_MAX_SEND_RATE = 1;
/**
 * Production quotas SES grants "vary based on your use case" and have no published default;
 * these are the figures the simulator starts a production account with, and the person can
 * change them.
 */
export const DEFAULT_PRODUCTION_MAX_24_HOUR_SEND = 50_000;
/** See `DEFAULT_PRODUCTION_MAX_24_HOUR_SEND`. */
export const DEFAULT_PRODUCTION_MAX_SEND_RATE = 14;

/** Most summaries one `ListSuppressedDestinations` call returns (aws/aws-cli#7859). */
export const MAX_SUPPRESSION_PAGE_SIZE = 1000;
/** Most templates per region (ses-facts §1.5). */
export const MAX_TEMPLATES = 10_000;
/** Longest `TemplateData` (SES v2 model). */
export const MAX_TEMPLATE_DATA = 262_144;

/** Longest configuration-set name (ses-facts §3.1). */
export const MAX_CONFIGURATION_SET_NAME = 64;
/** Event destinations per configuration set (ses-facts §3.1). */
export const MAX_EVENT_DESTINATIONS = 10;
/** `MaxDeliverySeconds` bounds (SES v2 model). */
export const MIN_MAX_DELIVERY_SECONDS = 300;
/** See `MIN_MAX_DELIVERY_SECONDS`. */
export const MAX_MAX_DELIVERY_SECONDS = 50_400;

/** Maximum identities per region (ses-facts §3.1). */
export const MAX_IDENTITIES = 10_000;
/** Maximum length of a domain name (RFC 1035 §2.3.4). */
export const MAX_DOMAIN_LENGTH = 253;

/** Quotas on receipt rules (ses-facts §8.1). */
export const MAX_RULES_PER_SET = 200;
/** See `MAX_RULES_PER_SET`. */
export const MAX_ACTIONS_PER_RULE = 10;
/** See `MAX_RULES_PER_SET`. */
export const MAX_RECIPIENTS_PER_RULE = 100;
/** See `MAX_RULES_PER_SET`. */
export const MAX_RULE_SETS = 40;

/** Largest message the SNS action can carry in its notification (ses-facts §8.3). */
export const MAX_SNS_CONTENT_BYTES = 150 * 1024;
/** Largest message SES receives, headers included (ses-facts §8.3). */
export const MAX_INBOUND_BYTES = 40 * 1024 * 1024;

/** Largest template SES stores: 500 KB (ses-facts §1.5). */
export const MAX_TEMPLATE_BYTES = 500 * 1024;
/**
 * How deep template blocks may nest, and how long a rendered part may grow. SES publishes no
 * such limits; the simulator sets them so that a hostile template or data cannot hang the page.
 */
export const MAX_TEMPLATE_DEPTH = 100;
/** See `MAX_TEMPLATE_DEPTH`. */
export const MAX_RENDERED_TEMPLATE = 10_000_000;

/** Contact lists per account: one (SES list management overview). */
export const MAX_CONTACT_LISTS = 1;
/** Topics per contact list (SES list management overview). */
export const MAX_TOPICS = 20;
/** Most contacts `ListContacts` returns per page (SES v2 model, `PageSize`). */
export const MAX_CONTACTS_PAGE = 1000;
