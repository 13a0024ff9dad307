/**
 * The request and response shapes of SES's send operations, member for member as the AWS API
 * models define them (SES v2 `SendEmail`, SES v1 `SendEmail` and `SendRawEmail`). These are the
 * shapes the AWS SDK for JavaScript v3 accepts; the simulator takes the v2 form, and Compose
 * exports all three.
 *
 * Blob members (`Raw.Data`, `RawMessage.Data`, `Attachments[].RawContent`) are bytes in the SDK.
 * The simulator also accepts a string there and reads it as the text itself (UTF-8), as the SDK
 * does; the AWS CLI's JSON input instead expects base64 in those members.
 */

/** Bytes, or text that is encoded as UTF-8. */
export type SesBlob = Uint8Array | string;

/** `Content`: a piece of text and its character set (default UTF-8). */
export interface SesContent {
  Data: string;
  Charset?: string;
}

/** `Body`: a text part, an HTML part, or both. */
export interface SesBody {
  Text?: SesContent;
  Html?: SesContent;
}

/**
 * `MessageHeader` (v2 `Content.Simple.Headers`, at most 15). Name: printable ASCII except `:`,
 * 1–126 characters; value: printable ASCII, at most 995 characters.
 */
export interface SesMessageHeader {
  Name: string;
  Value: string;
}

/** How an attachment is shown: a separate file, or inline in the HTML (`cid:`). */
export type SesAttachmentContentDisposition = 'ATTACHMENT' | 'INLINE';

/** The transfer encoding SES should use for an attachment (default `SEVEN_BIT`). */
export type SesAttachmentContentTransferEncoding = 'BASE64' | 'QUOTED_PRINTABLE' | 'SEVEN_BIT';

/** `Attachment` (v2 `Content.Simple.Attachments`). */
export interface SesAttachment {
  RawContent: SesBlob;
  /** At most 255 characters; SES refuses some extensions (see `BLOCKED_ATTACHMENT_EXTENSIONS`). */
  FileName: string;
  ContentDisposition?: SesAttachmentContentDisposition;
  /** At most 1000 characters. */
  ContentDescription?: string;
  /** 1–78 characters; what `cid:` references in the HTML point at. */
  ContentId?: string;
  ContentTransferEncoding?: SesAttachmentContentTransferEncoding;
  /** 1–78 characters, e.g. `application/pdf`. */
  ContentType?: string;
}

/** `Message` (v2 `Content.Simple`): SES assembles the MIME message from these parts. */
export interface SesSimpleMessage {
  Subject: SesContent;
  Body: SesBody;
  Headers?: SesMessageHeader[];
  Attachments?: SesAttachment[];
}

/** `RawMessage`: a whole MIME message, headers and body. */
export interface SesRawMessage {
  Data: SesBlob;
}

/** `Template` (v2 `Content.Template`). */
export interface SesTemplate {
  TemplateName?: string;
  TemplateArn?: string;
  TemplateContent?: { Subject?: string; Text?: string; Html?: string };
  /** JSON text, at most 262,144 characters. */
  TemplateData?: string;
  Headers?: SesMessageHeader[];
  Attachments?: SesAttachment[];
}

/** `EmailContent`: exactly one of `Simple`, `Raw` or `Template`. */
export interface SesEmailContent {
  Simple?: SesSimpleMessage;
  Raw?: SesRawMessage;
  Template?: SesTemplate;
}

/** `Destination`: To, Cc and Bcc, at most 50 addresses together. */
export interface SesDestination {
  ToAddresses?: string[];
  CcAddresses?: string[];
  BccAddresses?: string[];
}

/** `MessageTag`: a name and value published with every event of the message. */
export interface SesMessageTag {
  Name: string;
  Value: string;
}

/** `ListManagementOptions` (v2): the contact list and topic a message belongs to. */
export interface SesListManagementOptions {
  ContactListName: string;
  TopicName?: string;
}

/** SES v2 `SendEmail` input (`POST /v2/email/outbound-emails`). Only `Content` is required. */
export interface SendEmailRequest {
  FromEmailAddress?: string;
  FromEmailAddressIdentityArn?: string;
  Destination?: SesDestination;
  ReplyToAddresses?: string[];
  FeedbackForwardingEmailAddress?: string;
  FeedbackForwardingEmailAddressIdentityArn?: string;
  Content: SesEmailContent;
  EmailTags?: SesMessageTag[];
  ConfigurationSetName?: string;
  ListManagementOptions?: SesListManagementOptions;
  EndpointId?: string;
  TenantName?: string;
}

/** SES v2 `SendEmail` output. */
export interface SendEmailResponse {
  MessageId: string;
}

/** SES v1 `SendEmail` input (`Action=SendEmail`, API version 2010-12-01). */
export interface V1SendEmailRequest {
  Source: string;
  Destination: SesDestination;
  Message: { Subject: SesContent; Body: SesBody };
  ReplyToAddresses?: string[];
  ReturnPath?: string;
  SourceArn?: string;
  ReturnPathArn?: string;
  Tags?: SesMessageTag[];
  ConfigurationSetName?: string;
}

/** SES v1 `SendRawEmail` input (`Action=SendRawEmail`, API version 2010-12-01). */
export interface V1SendRawEmailRequest {
  RawMessage: SesRawMessage;
  /** Envelope sender; the `From:` header when absent. */
  Source?: string;
  /** Envelope recipients; the To, Cc and Bcc headers when absent. */
  Destinations?: string[];
  FromArn?: string;
  SourceArn?: string;
  ReturnPathArn?: string;
  Tags?: SesMessageTag[];
  ConfigurationSetName?: string;
}

/** SES v1 `SendEmail` / `SendRawEmail` output (inside `SendEmailResult` / `SendRawEmailResult`). */
export interface V1SendEmailResponse {
  MessageId: string;
}

/** v2 `BulkEmailEntry`: one destination of a bulk send, with what replaces the defaults for it. */
export interface BulkEmailEntry {
  Destination: SesDestination;
  ReplacementTags?: SesMessageTag[];
  ReplacementEmailContent?: { ReplacementTemplate?: { ReplacementTemplateData?: string } };
  ReplacementHeaders?: SesMessageHeader[];
}

/** SES v2 `SendBulkEmail` input (`POST /v2/email/outbound-bulk-emails`). */
export interface SendBulkEmailRequest {
  FromEmailAddress?: string;
  FromEmailAddressIdentityArn?: string;
  ReplyToAddresses?: string[];
  FeedbackForwardingEmailAddress?: string;
  FeedbackForwardingEmailAddressIdentityArn?: string;
  DefaultEmailTags?: SesMessageTag[];
  DefaultContent: { Template?: SesTemplate };
  BulkEmailEntries: BulkEmailEntry[];
  ConfigurationSetName?: string;
  EndpointId?: string;
  TenantName?: string;
}

/** v2 `BulkEmailStatus` (ses-facts §1.5). */
export type BulkEmailStatus =
  | 'SUCCESS'
  | 'MESSAGE_REJECTED'
  | 'MAIL_FROM_DOMAIN_NOT_VERIFIED'
  | 'CONFIGURATION_SET_DOES_NOT_EXIST'
  | 'TEMPLATE_DOES_NOT_EXIST'
  | 'ACCOUNT_SUSPENDED'
  | 'ACCOUNT_THROTTLED'
  | 'ACCOUNT_DAILY_QUOTA_EXCEEDED'
  | 'INVALID_SENDING_POOL_NAME'
  | 'ACCOUNT_SENDING_PAUSED'
  | 'CONFIGURATION_SET_SENDING_PAUSED'
  | 'INVALID_PARAMETER_VALUE'
  | 'TRANSIENT_FAILURE'
  | 'FAILED';

/** v2 `BulkEmailEntryResult`. */
export interface BulkEmailEntryResult {
  Status: BulkEmailStatus;
  Error?: string;
  MessageId?: string;
}

/** SES v2 `SendBulkEmail` output: one result per entry, in order. */
export interface SendBulkEmailResponse {
  BulkEmailEntryResults: BulkEmailEntryResult[];
}

/** SES v2 `TestRenderEmailTemplate` input. */
export interface TestRenderEmailTemplateRequest {
  TemplateName: string;
  TemplateData: string;
}

/** SES v1 `SendTemplatedEmail` input. */
export interface V1SendTemplatedEmailRequest {
  Source: string;
  Destination: SesDestination;
  ReplyToAddresses?: string[];
  ReturnPath?: string;
  SourceArn?: string;
  ReturnPathArn?: string;
  Tags?: SesMessageTag[];
  ConfigurationSetName?: string;
  Template?: string;
  TemplateArn?: string;
  TemplateData: string;
}

/** SES v1 `BulkEmailDestination`. */
export interface V1BulkEmailDestination {
  Destination: SesDestination;
  ReplacementTags?: SesMessageTag[];
  ReplacementTemplateData?: string;
}

/** SES v1 `SendBulkTemplatedEmail` input. */
export interface V1SendBulkTemplatedEmailRequest {
  Source: string;
  SourceArn?: string;
  ReplyToAddresses?: string[];
  ReturnPath?: string;
  ReturnPathArn?: string;
  ConfigurationSetName?: string;
  DefaultTags?: SesMessageTag[];
  Template?: string;
  TemplateArn?: string;
  DefaultTemplateData?: string;
  Destinations: V1BulkEmailDestination[];
}

/** SES v1 `SendBulkTemplatedEmail` output: v1's PascalCase status per destination. */
export interface V1SendBulkTemplatedEmailResponse {
  Status: Array<{ Status: string; Error?: string; MessageId?: string }>;
}
