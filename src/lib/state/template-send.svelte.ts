/**
 * Sending a template from Compose: the draft's sender, recipients, configuration set and tags
 * with Template content, either a template stored in the simulator or the draft's own subject and
 * bodies as an inline template, filled from TemplateData the person writes. The data is checked
 * as they type, a stored template can be rendered first with TestRenderEmailTemplate, and the
 * draft can be stored as a template.
 */
import type { Draft } from '../mime/types.ts';
import { MAX_TEMPLATE_DATA, type EmailTemplate, type SesTemplate } from '../ses/index.ts';
import { sendTemplate, type SendOutcome } from './ses-send.ts';
import { describeError, type SesStore } from './ses.svelte.ts';

/** The choice that sends the draft itself as an inline template. */
export const DRAFT_TEMPLATE = '';

/**
 * What is wrong with TemplateData text, in a sentence, or undefined when SES would take it: a
 * JSON object of at most 262,144 characters.
 */
export function templateDataProblem(text: string): string | undefined {
  if (text.length > MAX_TEMPLATE_DATA) {
    return `Template data is at most ${MAX_TEMPLATE_DATA.toLocaleString('en')} characters; this is ${text.length.toLocaleString('en')}.`;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return `Template data is not valid JSON (${reason}).`;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return 'Template data must be a JSON object, such as {"name": "Ana"}.';
  }
  return undefined;
}

/** The draft's subject and bodies as template content (`{{…}}` in them are placeholders). */
export function draftTemplateContent(draft: Draft): EmailTemplate['TemplateContent'] {
  const content: EmailTemplate['TemplateContent'] = { Subject: draft.subject ?? '' };
  if (draft.text) content.Text = draft.text;
  if (draft.html) content.Html = draft.html;
  return content;
}

/** The Template-content form of Compose. */
export class TemplateSend {
  /** A stored template's name, or DRAFT_TEMPLATE for the draft as an inline template. */
  choice = $state(DRAFT_TEMPLATE);
  /** TemplateData as the person writes it. */
  data = $state('{}');
  /** Why the data cannot be sent, or undefined. */
  readonly dataProblem = $derived(templateDataProblem(this.data));
  /** The last TestRenderEmailTemplate result (a MIME message), or null. */
  rendered = $state<string | null>(null);
  /** Why the last render failed, or ''. */
  renderError = $state('');
  /** The name to store the draft under. */
  saveName = $state('');
  /** What became of the last attempt to store the draft, and whether it failed. */
  saveStatus = $state<{ ok: boolean; text: string } | null>(null);
  sending = $state(false);
  outcome = $state.raw<SendOutcome | null>(null);

  #store: SesStore;

  constructor(store: SesStore) {
    this.#store = store;
  }

  /** The simulator's stored templates. */
  get templates(): EmailTemplate[] {
    return this.#store.view?.templates ?? [];
  }

  /** The Template member to send for a draft. */
  template(draft: Draft): SesTemplate {
    const source: SesTemplate =
      this.choice === DRAFT_TEMPLATE
        ? { TemplateContent: draftTemplateContent(draft) }
        : { TemplateName: this.choice };
    return { ...source, TemplateData: this.data };
  }

  /** Render the chosen stored template with the data (TestRenderEmailTemplate). */
  preview(): void {
    this.rendered = null;
    this.renderError = '';
    if (this.dataProblem) {
      this.renderError = this.dataProblem;
      return;
    }
    if (this.choice === DRAFT_TEMPLATE) {
      this.renderError =
        'TestRenderEmailTemplate renders stored templates only: store the draft as a template first.';
      return;
    }
    try {
      this.rendered = this.#store.testRenderEmailTemplate({
        TemplateName: this.choice,
        TemplateData: this.data,
      });
    } catch (error) {
      this.renderError = describeError(error);
    }
  }

  /** Send the template to the draft's recipients. */
  async send(draft: Draft): Promise<void> {
    if (this.sending) return;
    if (this.dataProblem) {
      this.outcome = { ok: false, error: this.dataProblem };
      return;
    }
    this.sending = true;
    this.outcome = null;
    try {
      this.outcome = await sendTemplate(draft, this.template(draft), { store: this.#store });
    } finally {
      this.sending = false;
    }
  }

  /** Store the draft's subject and bodies as a template under `saveName`, and choose it. */
  saveDraft(draft: Draft): void {
    const name = this.saveName.trim();
    try {
      this.#store.putEmailTemplate({
        TemplateName: name,
        TemplateContent: draftTemplateContent(draft),
      });
      this.choice = name;
      this.saveStatus = { ok: true, text: `Template ${name} stored.` };
    } catch (error) {
      this.saveStatus = { ok: false, text: describeError(error) };
    }
  }
}
