/**
 * Templated and bulk sending: v2 `TestRenderEmailTemplate` and `SendBulkEmail`, and v1
 * `SendTemplatedEmail` and `SendBulkTemplatedEmail`, each carried out as the v2 `SendEmail`
 * requests it stands for (ses-facts §1.5). Bulk entries succeed or fail one by one: an entry's
 * error becomes its status (`MESSAGE_REJECTED`, `TEMPLATE_DOES_NOT_EXIST`, …) and the other
 * entries go on.
 */
import { buildMessage } from '../../mime/index.ts';
import { parseTemplateData, renderTemplate, resolveTemplate } from '../account/templates.ts';
import { SIMULATOR_WORDING } from '../wording.ts';
import { MAX_RECIPIENTS } from '../limits.ts';
import { invalidParameterError, SesError } from './errors.ts';
import type {
  BulkEmailEntryResult,
  BulkEmailStatus,
  SendBulkEmailRequest,
  SendBulkEmailResponse,
  SendEmailRequest,
  SendEmailResponse,
  SesMessageTag,
  TestRenderEmailTemplateRequest,
  V1SendBulkTemplatedEmailRequest,
  V1SendBulkTemplatedEmailResponse,
  V1SendTemplatedEmailRequest,
} from './request-types.ts';
import type { SimulatorContext } from './simulator-context.ts';

/** Which API operation a templated send came through (published as `ses:operation`). */
export type TemplatedOperation =
  'SendEmail' | 'SendBulkEmail' | 'SendTemplatedEmail' | 'SendBulkTemplatedEmail';

/** Sends one v2 request as the named operation, with that API's size limit. */
export type SendAs = (
  request: SendEmailRequest,
  operation: TemplatedOperation,
  v1: boolean,
) => SendEmailResponse;

/** The bulk status an error stands for (v2 `BulkEmailEntryResult.Status`). */
export function bulkStatusOf(error: unknown): BulkEmailStatus {
  if (!(error instanceof SesError)) return 'FAILED';
  switch (error.v1Code) {
    case 'MessageRejected':
      return 'MESSAGE_REJECTED';
    case 'MailFromDomainNotVerified':
      return 'MAIL_FROM_DOMAIN_NOT_VERIFIED';
    case 'ConfigurationSetDoesNotExist':
      return 'CONFIGURATION_SET_DOES_NOT_EXIST';
    case 'TemplateDoesNotExist':
      return 'TEMPLATE_DOES_NOT_EXIST';
    case 'AccountSendingPausedException':
      return 'ACCOUNT_SENDING_PAUSED';
    case 'ConfigurationSetSendingPausedException':
      return 'CONFIGURATION_SET_SENDING_PAUSED';
    case 'Throttling':
      return error.message.startsWith('Daily')
        ? 'ACCOUNT_DAILY_QUOTA_EXCEEDED'
        : 'ACCOUNT_THROTTLED';
    case 'InvalidParameterValue':
      return 'INVALID_PARAMETER_VALUE';
    default:
      return error.code === 'AccountSuspendedException' ? 'ACCOUNT_SUSPENDED' : 'FAILED';
  }
}

/** v1's PascalCase for a v2 bulk status (`MESSAGE_REJECTED` → `MessageRejected`). */
export function v1BulkStatus(status: BulkEmailStatus): string {
  return status
    .toLowerCase()
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

/** Template data as an object; none is an empty one. */
function templateData(text: string | undefined, what: string): Record<string, unknown> {
  return text === undefined ? {} : parseTemplateData(text, what);
}

/** Tags with the later list winning for a name both lists have. */
function mergeTags(
  base: readonly SesMessageTag[] = [],
  over: readonly SesMessageTag[] = [],
): SesMessageTag[] | undefined {
  const names = new Set(over.map((t) => t.Name));
  const merged = [...base.filter((t) => !names.has(t.Name)), ...over].map((t) => ({ ...t }));
  return merged.length ? merged : undefined;
}

/** SES v2 `SendBulkEmail`: one result per entry, in order. */
export function sendBulkEmail(
  request: SendBulkEmailRequest,
  sendAs: SendAs,
  operation: TemplatedOperation = 'SendBulkEmail',
): SendBulkEmailResponse {
  const template = request.DefaultContent?.Template;
  if (!template) {
    throw invalidParameterError('DefaultContent must contain a Template.' + SIMULATOR_WORDING);
  }
  const entries = request.BulkEmailEntries ?? [];
  if (entries.length === 0 || entries.length > MAX_RECIPIENTS) {
    throw invalidParameterError(
      `BulkEmailEntries must hold 1 to ${MAX_RECIPIENTS} entries.` + SIMULATOR_WORDING,
    );
  }
  const defaults = templateData(template.TemplateData, 'Template data');
  const results: BulkEmailEntryResult[] = entries.map((entry) => {
    try {
      const replacement = entry.ReplacementEmailContent?.ReplacementTemplate;
      const data = {
        ...defaults,
        ...templateData(replacement?.ReplacementTemplateData, 'Replacement template data'),
      };
      const headers = [...(template.Headers ?? []), ...(entry.ReplacementHeaders ?? [])];
      const single: SendEmailRequest = {
        Destination: structuredClone(entry.Destination),
        Content: {
          Template: {
            ...structuredClone(template),
            TemplateData: JSON.stringify(data),
            ...(headers.length ? { Headers: headers } : {}),
          },
        },
      };
      const tags = mergeTags(request.DefaultEmailTags, entry.ReplacementTags);
      if (tags) single.EmailTags = tags;
      for (const key of [
        'FromEmailAddress',
        'FromEmailAddressIdentityArn',
        'FeedbackForwardingEmailAddress',
        'FeedbackForwardingEmailAddressIdentityArn',
        'ConfigurationSetName',
      ] as const) {
        const value = request[key];
        if (value !== undefined) single[key] = value;
      }
      if (request.ReplyToAddresses) single.ReplyToAddresses = [...request.ReplyToAddresses];
      const { MessageId } = sendAs(single, operation, operation === 'SendBulkTemplatedEmail');
      return { Status: 'SUCCESS' as const, MessageId };
    } catch (error) {
      if (!(error instanceof SesError) && !(error instanceof RangeError)) throw error;
      return { Status: bulkStatusOf(error), Error: error.message };
    }
  });
  return { BulkEmailEntryResults: results };
}

/** The v2 request a v1 `SendTemplatedEmail` stands for. */
export function v1TemplatedToV2(request: V1SendTemplatedEmailRequest): SendEmailRequest {
  const v2: SendEmailRequest = {
    FromEmailAddress: request.Source,
    Destination: structuredClone(request.Destination),
    Content: {
      Template: {
        ...(request.Template !== undefined ? { TemplateName: request.Template } : {}),
        ...(request.TemplateArn !== undefined ? { TemplateArn: request.TemplateArn } : {}),
        TemplateData: request.TemplateData,
      },
    },
  };
  if (request.ReplyToAddresses) v2.ReplyToAddresses = [...request.ReplyToAddresses];
  if (request.ReturnPath !== undefined) v2.FeedbackForwardingEmailAddress = request.ReturnPath;
  if (request.Tags) v2.EmailTags = request.Tags.map((t) => ({ ...t }));
  if (request.ConfigurationSetName !== undefined) {
    v2.ConfigurationSetName = request.ConfigurationSetName;
  }
  if (request.SourceArn !== undefined) v2.FromEmailAddressIdentityArn = request.SourceArn;
  return v2;
}

/** SES v1 `SendBulkTemplatedEmail`, carried out as v2 `SendBulkEmail` with v1's statuses. */
export function sendBulkTemplatedEmail(
  request: V1SendBulkTemplatedEmailRequest,
  sendAs: SendAs,
): V1SendBulkTemplatedEmailResponse {
  const bulk: SendBulkEmailRequest = {
    FromEmailAddress: request.Source,
    DefaultContent: {
      Template: {
        ...(request.Template !== undefined ? { TemplateName: request.Template } : {}),
        ...(request.TemplateArn !== undefined ? { TemplateArn: request.TemplateArn } : {}),
        ...(request.DefaultTemplateData !== undefined
          ? { TemplateData: request.DefaultTemplateData }
          : {}),
      },
    },
    BulkEmailEntries: (request.Destinations ?? []).map((d) => ({
      Destination: d.Destination,
      ...(d.ReplacementTags ? { ReplacementTags: d.ReplacementTags } : {}),
      ...(d.ReplacementTemplateData !== undefined
        ? {
            ReplacementEmailContent: {
              ReplacementTemplate: { ReplacementTemplateData: d.ReplacementTemplateData },
            },
          }
        : {}),
    })),
  };
  if (request.ReplyToAddresses) bulk.ReplyToAddresses = [...request.ReplyToAddresses];
  if (request.ReturnPath !== undefined) bulk.FeedbackForwardingEmailAddress = request.ReturnPath;
  if (request.DefaultTags) bulk.DefaultEmailTags = request.DefaultTags;
  if (request.ConfigurationSetName !== undefined) {
    bulk.ConfigurationSetName = request.ConfigurationSetName;
  }
  if (request.SourceArn !== undefined) bulk.FromEmailAddressIdentityArn = request.SourceArn;
  const { BulkEmailEntryResults } = sendBulkEmail(bulk, sendAs, 'SendBulkTemplatedEmail');
  return {
    Status: BulkEmailEntryResults.map((r) => ({
      Status: v1BulkStatus(r.Status),
      ...(r.Error !== undefined ? { Error: r.Error } : {}),
      ...(r.MessageId !== undefined ? { MessageId: r.MessageId } : {}),
    })),
  };
}

/**
 * SES v2 `TestRenderEmailTemplate`: the stored template filled with the data, as the MIME
 * message SES would send (no sender or recipients yet). A template that cannot be filled is a
 * BadRequestException with the rendering error.
 */
export function testRenderEmailTemplate(
  ctx: SimulatorContext,
  request: TestRenderEmailTemplateRequest,
): { RenderedTemplate: string } {
  const now = ctx.settle();
  const { name, content, data } = resolveTemplate(
    { TemplateName: request.TemplateName, TemplateData: request.TemplateData },
    ctx.state.templates,
  );
  const rendering = renderTemplate(name, content, data);
  if (!rendering.ok) {
    throw new SesError(rendering.errorMessage, {
      code: 'BadRequestException',
      statusCode: 400,
      v1Code: 'InvalidRenderingParameter',
    });
  }
  const built = buildMessage(
    {
      from: '',
      subject: rendering.subject,
      ...(rendering.text !== undefined ? { text: rendering.text } : {}),
      ...(rendering.html !== undefined ? { html: rendering.html } : {}),
    },
    { now: new Date(now), boundary: (depth) => `----=_Part_${depth}_${now.toString(16)}` },
  );
  return { RenderedTemplate: new TextDecoder().decode(built.raw) };
}
