import { describe, expect, test } from 'vitest';
import { inspectMessage } from '../../../../src/lib/mime/index.ts';
import { SesError, type SendBulkEmailRequest } from '../../../../src/lib/ses/index.ts';
import { simulator, thrown, withEventDestination } from '../support.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ORDER = {
  TemplateName: 'Order',
  TemplateContent: {
    Subject: 'Order {{id}}{{#if vip}} (VIP){{/if}}',
    Text: 'Hello {{name}},\n{{#each items}}- {{this}}\n{{/each}}',
    Html: '<p>Hello {{name}}</p><ul>{{#each items}}<li>{{this}}</li>{{/each}}</ul>',
  },
};

function bulk(overrides: Partial<SendBulkEmailRequest> = {}): SendBulkEmailRequest {
  return {
    FromEmailAddress: 'shop@example.com',
    ConfigurationSetName: 'ConfigSet',
    DefaultContent: {
      Template: { TemplateName: 'Order', TemplateData: '{"id":"0","name":"customer","items":[]}' },
    },
    DefaultEmailTags: [{ Name: 'campaign', Value: 'spring' }],
    BulkEmailEntries: [
      {
        Destination: { ToAddresses: ['success@simulator.amazonses.com'] },
        ReplacementEmailContent: {
          ReplacementTemplate: {
            ReplacementTemplateData: '{"id":"1","name":"Ana","vip":true,"items":["tea"]}',
          },
        },
        ReplacementTags: [{ Name: 'campaign', Value: 'vip' }],
      },
      { Destination: { ToAddresses: ['unverified@elsewhere.example'] } },
      { Destination: { ToAddresses: ['success+2@simulator.amazonses.com'] } },
    ],
    ...overrides,
  };
}

/** A sandbox account that may send a bulk batch at once (the sandbox's rate is 1 a second). */
function bulkSender() {
  const ses = simulator();
  ses.setSendQuota({ maxSendRate: 50 });
  ses.advance(1000); // the rate bucket fills at the new rate
  return ses;
}

describe('SendBulkEmail', () => {
  test('each entry is rendered with its data over the defaults, and fails or succeeds alone', () => {
    const ses = bulkSender();
    withEventDestination(ses);
    ses.putEmailTemplate(ORDER);
    const { BulkEmailEntryResults: results } = ses.sendBulkEmail(bulk());
    expect(results.map((r) => r.Status)).toEqual(['SUCCESS', 'MESSAGE_REJECTED', 'SUCCESS']);
    expect(results[1]?.Error).toContain('Email address is not verified.');
    expect(results[1]?.MessageId).toBeUndefined();
    ses.advance(60_000);
    const messages = ses.messages();
    expect(messages.map((m) => m.subject)).toEqual(['Order 1 (VIP)', 'Order 0']);
    expect(messages.map((m) => m.messageId)).toEqual([
      results[0]?.MessageId,
      results[2]?.MessageId,
    ]);
    const send = (ses.events() as Json[]).find((e) => e.eventType === 'Send') as Json;
    expect(send.mail.tags['ses:operation']).toEqual(['SendBulkEmail']);
    expect(send.mail.tags.campaign).toEqual(['vip']);
  });

  test('the delivered message carries the rendered bodies', async () => {
    const ses = bulkSender();
    ses.putEmailTemplate(ORDER);
    ses.sendBulkEmail(bulk({ ConfigurationSetName: undefined }));
    ses.advance(60_000);
    const inspection = await inspectMessage(ses.messages()[0]?.raw as Uint8Array);
    expect(inspection.text).toBe('Hello Ana,\r\n- tea\r\n');
    expect(inspection.html).toBe('<p>Hello Ana</p><ul><li>tea</li></ul>');
  });

  test('a template that does not exist is a status per entry, not an error for the call', () => {
    const ses = simulator();
    withEventDestination(ses);
    const { BulkEmailEntryResults } = ses.sendBulkEmail(bulk());
    expect(BulkEmailEntryResults.map((r) => r.Status)).toEqual([
      'TEMPLATE_DOES_NOT_EXIST',
      'TEMPLATE_DOES_NOT_EXIST',
      'TEMPLATE_DOES_NOT_EXIST',
    ]);
    const missingSet = ses.sendBulkEmail(bulk({ ConfigurationSetName: 'Nope' }));
    expect(missingSet.BulkEmailEntryResults[0]?.Status).toBe('TEMPLATE_DOES_NOT_EXIST');
    ses.putEmailTemplate(ORDER);
    const noSet = ses.sendBulkEmail(bulk({ ConfigurationSetName: 'Nope' }));
    expect(noSet.BulkEmailEntryResults[0]?.Status).toBe('CONFIGURATION_SET_DOES_NOT_EXIST');
  });

  test('a call without a template or entries is refused whole', () => {
    const ses = simulator();
    for (const request of [
      bulk({ DefaultContent: {} }),
      bulk({ BulkEmailEntries: [] }),
      bulk({
        BulkEmailEntries: Array.from({ length: 51 }, () => ({
          Destination: { ToAddresses: ['success@simulator.amazonses.com'] },
        })),
      }),
    ]) {
      expect((thrown(() => ses.sendBulkEmail(request)) as SesError).code).toBe(
        'BadRequestException',
      );
    }
  });

  test('the send rate counts each entry', () => {
    const ses = simulator();
    ses.putEmailTemplate(ORDER);
    const statuses = ses
      .sendBulkEmail(bulk({ ConfigurationSetName: undefined }))
      .BulkEmailEntryResults.map((r) => r.Status);
    expect(statuses).toEqual(['SUCCESS', 'MESSAGE_REJECTED', 'ACCOUNT_THROTTLED']);
  });

  test('a rendering failure is accepted with a MessageId and reported as an event', () => {
    const ses = bulkSender();
    withEventDestination(ses);
    ses.putEmailTemplate(ORDER);
    const request = bulk();
    request.DefaultContent.Template = { TemplateName: 'Order', TemplateData: '{}' };
    const [first] = ses.sendBulkEmail(request).BulkEmailEntryResults;
    expect(first?.Status).toBe('SUCCESS');
    ses.advance(60_000);
    const failures = (ses.events() as Json[]).filter((e) => e.eventType === 'Rendering Failure');
    expect(failures.map((e) => e.failure.errorMessage)).toContain(
      "Attribute 'id' is not present in the rendering data.",
    );
  });
});

describe('v1 templated sending', () => {
  test('SendTemplatedEmail sends the rendered template', () => {
    const ses = simulator();
    withEventDestination(ses);
    ses.putEmailTemplate(ORDER);
    const { MessageId } = ses.sendV1TemplatedEmail({
      Source: 'shop@example.com',
      Destination: { ToAddresses: ['success@simulator.amazonses.com'] },
      Template: 'Order',
      TemplateData: '{"id":"7","name":"Bo","items":[]}',
      ConfigurationSetName: 'ConfigSet',
    });
    ses.advance(60_000);
    expect(ses.messages()[0]).toMatchObject({
      messageId: MessageId,
      subject: 'Order 7',
      content: 'Template',
    });
    const send = (ses.events() as Json[]).find((e) => e.eventType === 'Send') as Json;
    expect(send.mail.tags['ses:operation']).toEqual(['SendTemplatedEmail']);
  });

  test("SendBulkTemplatedEmail answers in v1's PascalCase statuses", () => {
    const ses = bulkSender();
    ses.putEmailTemplate(ORDER);
    const { Status } = ses.sendV1BulkTemplatedEmail({
      Source: 'shop@example.com',
      Template: 'Order',
      DefaultTemplateData: '{"id":"0","name":"you","items":[]}',
      Destinations: [
        { Destination: { ToAddresses: ['success@simulator.amazonses.com'] } },
        { Destination: { ToAddresses: ['someone@elsewhere.example'] } },
      ],
    });
    expect(Status.map((s) => s.Status)).toEqual(['Success', 'MessageRejected']);
  });
});

describe('TestRenderEmailTemplate', () => {
  test('renders a stored template as the MIME message SES would send', async () => {
    const ses = simulator();
    ses.putEmailTemplate(ORDER);
    const { RenderedTemplate } = ses.testRenderEmailTemplate({
      TemplateName: 'Order',
      TemplateData: '{"id":"9","name":"Żaneta","vip":true,"items":["a","b"]}',
    });
    const inspection = await inspectMessage(RenderedTemplate);
    expect(inspection.subject).toBe('Order 9 (VIP)');
    expect(inspection.text).toBe('Hello Żaneta,\r\n- a\r\n- b\r\n');
    expect(inspection.tree.contentType).toBe('multipart/alternative');
    expect(inspection.from).toBeUndefined();
  });

  test('a missing template or attribute is an error for the call', () => {
    const ses = simulator();
    expect(
      (
        thrown(() =>
          ses.testRenderEmailTemplate({ TemplateName: 'Order', TemplateData: '{}' }),
        ) as SesError
      ).code,
    ).toBe('NotFoundException');
    ses.putEmailTemplate(ORDER);
    const error = thrown(() =>
      ses.testRenderEmailTemplate({ TemplateName: 'Order', TemplateData: '{}' }),
    ) as SesError;
    expect([error.code, error.message]).toEqual([
      'BadRequestException',
      "Attribute 'id' is not present in the rendering data.",
    ]);
  });
});
