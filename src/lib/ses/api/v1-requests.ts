/**
 * SES v1 requests (`SendEmail`, `SendRawEmail`) read as the v2 request that does the same, so the
 * simulator can replay what Compose exports in either form. v1's `ReturnPath` (where bounces and
 * complaints are forwarded) is v2's `FeedbackForwardingEmailAddress`.
 */
import type {
  SendEmailRequest,
  V1SendEmailRequest,
  V1SendRawEmailRequest,
} from './request-types.ts';

/** The v2 request equivalent to a v1 `SendEmail`. */
export function v1SendEmailToV2(request: V1SendEmailRequest): SendEmailRequest {
  const v2: SendEmailRequest = {
    FromEmailAddress: request.Source,
    Destination: { ...request.Destination },
    Content: { Simple: { Subject: request.Message?.Subject, Body: request.Message?.Body } },
  };
  if (request.ReplyToAddresses !== undefined) v2.ReplyToAddresses = [...request.ReplyToAddresses];
  if (request.ReturnPath !== undefined) v2.FeedbackForwardingEmailAddress = request.ReturnPath;
  if (request.Tags !== undefined) v2.EmailTags = request.Tags.map((t) => ({ ...t }));
  if (request.ConfigurationSetName !== undefined) {
    v2.ConfigurationSetName = request.ConfigurationSetName;
  }
  if (request.SourceArn !== undefined) v2.FromEmailAddressIdentityArn = request.SourceArn;
  return v2;
}

/** The v2 request equivalent to a v1 `SendRawEmail`. */
export function v1SendRawEmailToV2(request: V1SendRawEmailRequest): SendEmailRequest {
  const v2: SendEmailRequest = { Content: { Raw: { Data: request.RawMessage?.Data ?? '' } } };
  if (request.Source !== undefined) v2.FromEmailAddress = request.Source;
  if (request.Destinations !== undefined) {
    v2.Destination = { ToAddresses: [...request.Destinations] };
  }
  if (request.Tags !== undefined) v2.EmailTags = request.Tags.map((t) => ({ ...t }));
  if (request.ConfigurationSetName !== undefined) {
    v2.ConfigurationSetName = request.ConfigurationSetName;
  }
  const arn = request.FromArn ?? request.SourceArn;
  if (arn !== undefined) v2.FromEmailAddressIdentityArn = arn;
  return v2;
}
