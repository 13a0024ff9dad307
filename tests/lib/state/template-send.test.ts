import { describe, expect, test } from 'vitest';
import { openVerifiedStore as openStore } from './ses-store-support.ts';
import {
  DRAFT_TEMPLATE,
  TemplateSend,
  templateDataProblem,
} from '../../../src/lib/state/template-send.svelte.ts';

const draft = (to: string) => ({
  from: 'News <news@example.com>',
  to: [to],
  subject: 'Hello {{name}}',
  text: 'Hi {{name}}.{{#if vip}} Thanks for staying with us.{{/if}}',
});

describe('template data', () => {
  const cases: Array<[string, string | undefined]> = [
    ['{}', undefined],
    ['{"name": "Ana", "items": [1, 2]}', undefined],
    ['{"name": "Ana",}', 'not valid JSON'],
    ['', 'not valid JSON'],
    ['[1, 2]', 'must be a JSON object'],
    ['"Ana"', 'must be a JSON object'],
    ['null', 'must be a JSON object'],
    [`{"a": "${'x'.repeat(262_144)}"}`, 'at most 262,144 characters'],
  ];
  for (const [text, problem] of cases) {
    test(`${text.slice(0, 24)} is ${problem ?? 'accepted'}`, () => {
      const found = templateDataProblem(text);
      if (problem === undefined) expect(found).toBeUndefined();
      else expect(found).toContain(problem);
    });
  }
});

describe('sending a template from Compose', () => {
  test('the draft goes as an inline template filled from the data', async () => {
    const store = await openStore();
    const form = new TemplateSend(store);
    expect(form.choice).toBe(DRAFT_TEMPLATE);
    form.data = '{"name": "Ana", "vip": true}';
    await form.send(draft('success@simulator.amazonses.com'));
    expect(form.outcome).toMatchObject({ ok: true, content: 'Template' });
    store.advance(60_000);
    const [message] = store.view!.messages;
    expect(form.outcome?.ok && form.outcome.messageId).toBe(message?.messageId);
    const text = new TextDecoder().decode(message!.raw);
    expect(text).toContain('Subject: Hello Ana');
    expect(text).toContain('Hi Ana. Thanks for staying with us.');
    store.dispose();
  });

  test('bad data is refused with its reason and nothing is sent', async () => {
    const store = await openStore();
    const form = new TemplateSend(store);
    form.data = '{"name": ';
    await form.send(draft('success@simulator.amazonses.com'));
    expect(form.outcome).toMatchObject({ ok: false });
    expect(form.outcome?.ok === false && form.outcome.error).toContain('not valid JSON');
    expect(store.view!.messages).toHaveLength(0);
    store.dispose();
  });

  test('the draft stored as a template renders with TestRenderEmailTemplate and sends by name', async () => {
    const store = await openStore();
    const form = new TemplateSend(store);
    form.saveName = 'welcome';
    form.saveDraft(draft('success@simulator.amazonses.com'));
    expect(form.saveStatus).toEqual({ ok: true, text: 'Template welcome stored.' });
    expect(form.choice).toBe('welcome');
    expect(form.templates.map((t) => t.TemplateName)).toEqual(['welcome']);
    form.data = '{"name": "Bo"}';
    form.preview();
    expect(form.renderError).toBe('');
    expect(form.rendered).toContain('Subject: Hello Bo');
    await form.send(draft('success@simulator.amazonses.com'));
    expect(form.outcome).toMatchObject({ ok: true });
    store.dispose();
  });

  test('a name SES refuses is reported, and the draft is not stored', async () => {
    const store = await openStore();
    const form = new TemplateSend(store);
    form.saveName = 'not a name!';
    form.saveDraft(draft('success@simulator.amazonses.com'));
    expect(form.saveStatus?.ok).toBe(false);
    expect(form.templates).toHaveLength(0);
    form.preview();
    expect(form.renderError).toContain('stored templates only');
    store.dispose();
  });
});
