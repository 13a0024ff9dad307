import { describe, expect, test } from 'vitest';
import { renderTemplate, SesError } from '../../../../src/lib/ses/index.ts';
import { SIMULATOR_WORDING } from '../../../../src/lib/ses/wording.ts';
import { fixture, keysOf } from '../shape.ts';
import { simulator, thrown, withEventDestination } from '../support.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const WELCOME = {
  Subject: 'Welcome, {{name}}',
  Text: 'Hi {{name}}, your plan is {{plan.tier}}.',
  Html: '<p>Hi {{name}}</p>',
};

function templated(data: string, template: Record<string, unknown> = { TemplateName: 'Welcome' }) {
  return {
    FromEmailAddress: 'sender@example.com',
    Destination: { ToAddresses: ['success@simulator.amazonses.com'] },
    ConfigurationSetName: 'ConfigSet',
    Content: { Template: { ...template, TemplateData: data } },
  };
}

describe('templates', () => {
  test('substitutions are filled from the data, dotted paths included', () => {
    expect(renderTemplate('Welcome', WELCOME, { name: 'Ana', plan: { tier: 'pro' } })).toEqual({
      ok: true,
      subject: 'Welcome, Ana',
      text: 'Hi Ana, your plan is pro.',
      html: '<p>Hi Ana</p>',
    });
    expect(renderTemplate('Welcome', WELCOME, { name: 'Ana' })).toEqual({
      ok: false,
      templateName: 'Welcome',
      errorMessage: "Attribute 'plan.tier' is not present in the rendering data.",
    });
  });

  test('a stored template is sent as the message it renders to', () => {
    const ses = simulator();
    withEventDestination(ses);
    ses.putEmailTemplate({ TemplateName: 'Welcome', TemplateContent: WELCOME });
    ses.sendEmail(templated('{"name":"Ana","plan":{"tier":"pro"}}'));
    ses.advance(10_000);
    expect(ses.messages()[0]?.subject).toBe('Welcome, Ana');
    expect(new TextDecoder().decode(ses.messages()[0]?.raw)).toContain('your plan is pro.');
    expect((ses.events() as Json[]).map((e) => e.eventType)).toEqual(['Send', 'Delivery']);
  });

  test('a template that cannot be filled is accepted, not sent, and reported as a Rendering Failure', async () => {
    const example = ((await fixture('events.json')) as Json[]).find(
      (e) => e.eventType === 'Rendering Failure',
    ) as Json;
    const ses = simulator();
    withEventDestination(ses);
    const { MessageId } = ses.sendEmail(
      templated('{"name":"Ana"}', { TemplateContent: WELCOME, TemplateName: 'MyTemplate' }),
    );
    ses.advance(60_000);
    const events = ses.events() as Json[];
    expect(events.map((e) => e.eventType)).toEqual(['Rendering Failure']);
    expect(keysOf(events[0])).toEqual(keysOf(example));
    expect(events[0]?.failure).toEqual({
      errorMessage: "Attribute 'plan.tier' is not present in the rendering data.",
      templateName: 'MyTemplate',
    });
    expect(events[0]?.mail.messageId).toBe(MessageId);
    expect(ses.notifications()).toEqual([]);
    expect(ses.messages()[0]?.renderingFailure?.templateName).toBe('MyTemplate');
  });

  test('inline content without a name fails under a templateName marked as the simulator’s', () => {
    const ses = simulator();
    withEventDestination(ses);
    ses.sendEmail(templated('{"name":"Ana"}', { TemplateContent: WELCOME }));
    ses.advance(60_000);
    const failure = (ses.events() as Json[])[0]?.failure;
    expect(failure?.templateName).toBe("inline (the simulator's wording: SES documents none)");
  });

  test('a missing template, bad data and bad templates are refused', () => {
    const ses = simulator();
    withEventDestination(ses);
    const missing = thrown(() =>
      ses.sendEmail(templated('{}', { TemplateName: 'Nope' })),
    ) as SesError;
    expect([missing.code, missing.v1Code, missing.message]).toEqual([
      'NotFoundException',
      'TemplateDoesNotExist',
      'Template Nope does not exist.',
    ]);
    ses.putEmailTemplate({ TemplateName: 'Welcome', TemplateContent: WELCOME });
    expect((thrown(() => ses.sendEmail(templated('not json'))) as SesError).code).toBe(
      'BadRequestException',
    );
    expect(() =>
      ses.putEmailTemplate({ TemplateName: 'bad name', TemplateContent: WELCOME }),
    ).toThrow(RangeError);
    expect(() =>
      ses.putEmailTemplate({ TemplateName: 'NoBody', TemplateContent: { Subject: 's' } }),
    ).toThrow(RangeError);
    ses.deleteEmailTemplate('Welcome');
    expect(ses.emailTemplates()).toEqual([]);
  });

  test('Handlebars blocks render as SES renders them', () => {
    const template = {
      Subject: '{{#if vip}}VIP: {{/if}}Your order',
      Text: '{{#each items}}- {{name}}\n{{else}}Nothing.{{/each}}',
    };
    expect(
      renderTemplate('T', template, { vip: true, items: [{ name: 'a' }, { name: 'b' }] }),
    ).toEqual({
      ok: true,
      subject: 'VIP: Your order',
      text: '- a\n- b\n',
    });
  });

  test("a template the simulator cannot read says so in the simulator's words", () => {
    const result = renderTemplate('T', { Subject: 'x', Text: '{{#if vip}}VIP' }, { vip: true });
    expect(result).toEqual({
      ok: false,
      templateName: 'T',
      errorMessage: "'{{#if}}' is never closed." + SIMULATOR_WORDING,
    });
  });
});
