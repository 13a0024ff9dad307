/**
 * Email templates: stored by name or given inline, filled from `TemplateData`. SES renders
 * templates after it has accepted the message, so a template that cannot be filled does not fail
 * the call: the message is accepted and a `Rendering Failure` event says why (ses-facts §1.5,
 * §5.6). Templates are written in the Handlebars subset SES supports (handlebars.ts).
 */
import { invalidParameterError, SesError } from '../api/errors.ts';
import type { SendEmailRequest, SesTemplate } from '../api/request-types.ts';
import { MAX_TEMPLATE_BYTES, MAX_TEMPLATE_DATA } from '../limits.ts';
import { renderTemplateText, TemplateError } from './handlebars.ts';
import { SIMULATOR_WORDING } from '../wording.ts';

/** A stored template (v2 `EmailTemplateContent` under a name). */
export interface EmailTemplate {
  TemplateName: string;
  TemplateContent: { Subject?: string; Text?: string; Html?: string };
}

/** A template filled in, or why it could not be. */
export type Rendering =
  | { ok: true; subject: string; text?: string; html?: string }
  | { ok: false; templateName: string; errorMessage: string };

/**
 * The `templateName` a Rendering Failure of inline template content carries. SES documents none
 * for content given inline, so the name says it is the simulator's.
 */
export const INLINE_TEMPLATE_NAME = 'inline' + SIMULATOR_WORDING;

/** Fill a template's parts from its data. */
export function renderTemplate(
  name: string,
  content: EmailTemplate['TemplateContent'],
  data: unknown,
): Rendering {
  const parts: Record<'subject' | 'text' | 'html', string | undefined> = {
    subject: content.Subject,
    text: content.Text,
    html: content.Html,
  };
  const out: { subject: string; text?: string; html?: string } = { subject: '' };
  for (const key of ['subject', 'text', 'html'] as const) {
    const part = parts[key];
    if (part === undefined) continue;
    try {
      out[key] = renderTemplateText(part, data);
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      const errorMessage = error.documented ? error.message : error.message + SIMULATOR_WORDING;
      return { ok: false, templateName: name, errorMessage };
    }
  }
  return { ok: true, ...out };
}

/** Check a template before it is stored; throws RangeError when SES would refuse it. */
export function checkTemplate(template: EmailTemplate): void {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(template.TemplateName)) {
    throw new RangeError(
      'A template name is 1 to 64 ASCII letters, digits, underscores or hyphens.',
    );
  }
  const { Subject, Text, Html } = template.TemplateContent;
  if (Subject === undefined || (Text === undefined && Html === undefined)) {
    throw new RangeError('A template needs a subject and a text or HTML part.');
  }
  const size = new TextEncoder().encode(`${Subject}${Text ?? ''}${Html ?? ''}`).length;
  if (size > MAX_TEMPLATE_BYTES) {
    throw new RangeError('A template is at most 500 KB.');
  }
}

/** Read template data: a JSON object, or SES's BadRequest naming `what` is wrong with it. */
export function parseTemplateData(text: string, what: string): Record<string, unknown> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw invalidParameterError(`${what} is not valid JSON.`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw invalidParameterError(`${what} must be a JSON object.`);
  }
  return data as Record<string, unknown>;
}

/**
 * The template a request names: inline content, or a stored template. Throws SES's errors for a
 * template that does not exist or data that is not a JSON object.
 */
export function resolveTemplate(
  template: SesTemplate,
  stored: readonly EmailTemplate[],
): { name: string; content: EmailTemplate['TemplateContent']; data: unknown } {
  const name =
    template.TemplateName ?? template.TemplateArn?.split('/').pop() ?? INLINE_TEMPLATE_NAME;
  let content = template.TemplateContent;
  if (content === undefined) {
    const found = stored.find((t) => t.TemplateName === name);
    if (!found) {
      throw new SesError(`Template ${name} does not exist.`, {
        code: 'NotFoundException',
        statusCode: 404,
        v1Code: 'TemplateDoesNotExist',
      });
    }
    content = found.TemplateContent;
  }
  const text = template.TemplateData ?? '{}';
  if (text.length > MAX_TEMPLATE_DATA) {
    throw invalidParameterError('Template data must be at most 262144 characters.');
  }
  const data = parseTemplateData(text, 'Template data');
  return { name, content, data };
}

/**
 * The request with its template replaced by the Simple content it renders to. When rendering
 * fails the unfilled text stands in, so that the request is still checked as SES checks it.
 */
export function renderRequest(
  request: SendEmailRequest,
  stored: readonly EmailTemplate[],
): { request: SendEmailRequest; failure?: { templateName: string; errorMessage: string } } {
  const template = request.Content?.Template;
  if (!template) return { request };
  const { name, content, data } = resolveTemplate(template, stored);
  const rendering = renderTemplate(name, content, data);
  const parts = rendering.ok
    ? rendering
    : { subject: content.Subject ?? '', text: content.Text, html: content.Html };
  const simple: NonNullable<SendEmailRequest['Content']['Simple']> = {
    Subject: { Data: parts.subject },
    Body: {
      ...(parts.text !== undefined ? { Text: { Data: parts.text } } : {}),
      ...(parts.html !== undefined ? { Html: { Data: parts.html } } : {}),
    },
    ...(template.Headers ? { Headers: template.Headers } : {}),
    ...(template.Attachments ? { Attachments: template.Attachments } : {}),
  };
  const rendered: SendEmailRequest = { ...request, Content: { Simple: simple } };
  return rendering.ok
    ? { request: rendered }
    : {
        request: rendered,
        failure: { templateName: rendering.templateName, errorMessage: rendering.errorMessage },
      };
}
