/**
 * A program for the AWS SDK for Java 2.x that sends a v2 `SendEmail` request, with the builders
 * SES's own Java examples use (`SesV2Client`, `SendEmailRequest.builder()`).
 */
import type {
  SendEmailRequest,
  SesAttachment,
  SesBlob,
  SesContent,
  SesMessageTag,
} from '../ses/api/request-types.ts';
import { bytesToBase64 } from './base64.ts';

/** Java string constants are limited to 65,535 bytes of modified UTF-8; pieces stay well under. */
const JAVA_LITERAL_PIECE = 8000;

function javaString(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '"') out += '\\"';
    else if (char === '\\') out += '\\\\';
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (code >= 0x20 && code < 0x7f) out += char;
    else {
      // Outside printable ASCII: UTF-16 escapes keep the source file's encoding irrelevant.
      for (let i = 0; i < char.length; i++) {
        out += `\\u${char.charCodeAt(i).toString(16).padStart(4, '0')}`;
      }
    }
  }
  return `${out}"`;
}

/** A Java expression for a possibly long string: joined at run time, so no constant limit. */
function javaText(text: string): string {
  if (text.length <= JAVA_LITERAL_PIECE) return javaString(text);
  const pieces: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + JAVA_LITERAL_PIECE, text.length);
    // Never split a surrogate pair between two literals.
    if (end < text.length && /[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end++;
    pieces.push(javaString(text.slice(start, end)));
    start = end;
  }
  return `String.join("",\n        ${pieces.join(',\n        ')})`;
}

function javaBytes(blob: SesBlob): string {
  if (typeof blob === 'string') return `SdkBytes.fromUtf8String(${javaText(blob)})`;
  return `SdkBytes.fromByteArray(Base64.getDecoder().decode(${javaText(bytesToBase64(blob))}))`;
}

function javaStrings(list: readonly string[]): string {
  return list.map(javaString).join(', ');
}

function javaContent(content: SesContent): string {
  const charset = content.Charset ? `.charset(${javaString(content.Charset)})` : '';
  return `Content.builder().data(${javaText(content.Data)})${charset}.build()`;
}

function javaAttachment(attachment: SesAttachment): string {
  const parts = [`Attachment.builder()`, `.fileName(${javaString(attachment.FileName)})`];
  if (attachment.ContentType) parts.push(`.contentType(${javaString(attachment.ContentType)})`);
  if (attachment.ContentDisposition) {
    parts.push(
      `.contentDisposition(AttachmentContentDisposition.${attachment.ContentDisposition})`,
    );
  }
  if (attachment.ContentId) parts.push(`.contentId(${javaString(attachment.ContentId)})`);
  if (attachment.ContentTransferEncoding) {
    parts.push(
      `.contentTransferEncoding(AttachmentContentTransferEncoding.${attachment.ContentTransferEncoding})`,
    );
  }
  parts.push(`.rawContent(${javaBytes(attachment.RawContent)})`, '.build()');
  return parts.join('\n                ');
}

function javaTags(tags: readonly SesMessageTag[]): string {
  return tags
    .map(
      (tag) =>
        `MessageTag.builder().name(${javaString(tag.Name)}).value(${javaString(tag.Value)}).build()`,
    )
    .join(',\n            ');
}

function javaEmailContent(content: SendEmailRequest['Content']): string {
  if (content.Raw) {
    return `EmailContent.builder()\n            .raw(RawMessage.builder().data(${javaBytes(content.Raw.Data)}).build())\n            .build()`;
  }
  const simple = content.Simple;
  if (!simple) throw new RangeError('The request has neither Simple nor Raw content.');
  const body: string[] = [];
  if (simple.Body.Text) body.push(`.text(${javaContent(simple.Body.Text)})`);
  if (simple.Body.Html) body.push(`.html(${javaContent(simple.Body.Html)})`);
  const message = [
    'Message.builder()',
    `.subject(${javaContent(simple.Subject)})`,
    `.body(Body.builder()${body.join('')}.build())`,
  ];
  if (simple.Headers?.length) {
    const headers = simple.Headers.map(
      (header) =>
        `MessageHeader.builder().name(${javaString(header.Name)}).value(${javaString(header.Value)}).build()`,
    );
    message.push(`.headers(${headers.join(',\n                ')})`);
  }
  if (simple.Attachments?.length) {
    message.push(
      `.attachments(${simple.Attachments.map(javaAttachment).join(',\n                ')})`,
    );
  }
  message.push('.build()');
  return `EmailContent.builder()\n            .simple(${message.join('\n                ')})\n            .build()`;
}

/** A complete Java class that sends this request with the AWS SDK for Java 2.x. */
export function javaSdkSnippet(request: SendEmailRequest, region = 'us-east-1'): string {
  const builder = ['SendEmailRequest.builder()'];
  if (request.FromEmailAddress)
    builder.push(`.fromEmailAddress(${javaString(request.FromEmailAddress)})`);
  const destination = request.Destination;
  if (destination) {
    const members: string[] = [];
    if (destination.ToAddresses?.length)
      members.push(`.toAddresses(${javaStrings(destination.ToAddresses)})`);
    if (destination.CcAddresses?.length)
      members.push(`.ccAddresses(${javaStrings(destination.CcAddresses)})`);
    if (destination.BccAddresses?.length)
      members.push(`.bccAddresses(${javaStrings(destination.BccAddresses)})`);
    builder.push(`.destination(Destination.builder()${members.join('')}.build())`);
  }
  if (request.ReplyToAddresses?.length) {
    builder.push(`.replyToAddresses(${javaStrings(request.ReplyToAddresses)})`);
  }
  if (request.FeedbackForwardingEmailAddress) {
    builder.push(
      `.feedbackForwardingEmailAddress(${javaString(request.FeedbackForwardingEmailAddress)})`,
    );
  }
  builder.push(`.content(${javaEmailContent(request.Content)})`);
  if (request.EmailTags?.length) builder.push(`.emailTags(${javaTags(request.EmailTags)})`);
  if (request.ConfigurationSetName) {
    builder.push(`.configurationSetName(${javaString(request.ConfigurationSetName)})`);
  }
  builder.push('.build()');
  const regionConstant = region.toUpperCase().replace(/-/g, '_');
  return [
    '// Maven: software.amazon.awssdk:sesv2',
    'import java.util.Base64;',
    'import software.amazon.awssdk.core.SdkBytes;',
    'import software.amazon.awssdk.regions.Region;',
    'import software.amazon.awssdk.services.sesv2.SesV2Client;',
    'import software.amazon.awssdk.services.sesv2.model.*;',
    '',
    'public class SendEmail {',
    '    public static void main(String[] args) {',
    `        try (SesV2Client client = SesV2Client.builder().region(Region.${regionConstant}).build()) {`,
    `            SendEmailRequest request = ${builder.join('\n                ')};`,
    '            SendEmailResponse response = client.sendEmail(request);',
    '            System.out.println("Sent: " + response.messageId());',
    '        }',
    '    }',
    '}',
    '',
  ].join('\n');
}
