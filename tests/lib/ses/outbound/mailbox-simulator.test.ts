import { describe, expect, test } from 'vitest';
import { simulatorScenario } from '../../../../src/lib/ses/index.ts';
import { rawRequest, simulator, withEventDestination } from '../support.ts';

const AT = '@simulator.amazonses.com';

function sendOne(address: string) {
  const ses = simulator();
  withEventDestination(ses);
  const request = rawRequest([address], { extra: [['X-SES-CONFIGURATION-SET', 'ConfigSet']] });
  const { MessageId } = ses.sendEmail(request);
  ses.advance(60_000);
  return { ses, MessageId };
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('mailbox simulator addresses', () => {
  test('success: a Delivery notification and the Send and Delivery events', () => {
    const { ses, MessageId } = sendOne(`success${AT}`);
    const notes = ses.notifications() as Json[];
    expect(notes.map((n) => n.notificationType)).toEqual(['Delivery']);
    expect(notes[0]?.delivery.smtpResponse).toBe('250 2.6.0 Message received');
    expect(notes[0]?.delivery.recipients).toEqual([`success${AT}`]);
    expect(notes[0]?.mail.messageId).toBe(MessageId);
    expect((ses.events() as Json[]).map((e) => e.eventType)).toEqual(['Send', 'Delivery']);
  });

  test('bounce: one Permanent/General bounce, 5.1.1, as the simulator reports it', () => {
    const { ses } = sendOne(`bounce${AT}`);
    const notes = ses.notifications() as Json[];
    expect(notes.map((n) => n.notificationType)).toEqual(['Bounce']);
    const bounce = notes[0]?.bounce;
    expect(bounce.bounceType).toBe('Permanent');
    expect(bounce.bounceSubType).toBe('General');
    expect(bounce.bouncedRecipients).toEqual([
      {
        emailAddress: `bounce${AT}`,
        action: 'failed',
        status: '5.1.1',
        diagnosticCode: `smtp; 550 5.1.1 As requested: user unknown <bounce${AT}>`,
      },
    ]);
    expect(bounce.reportingMTA).toBe('dns; a8-90.smtp-out.amazonses.com');
    expect(typeof bounce.remoteMtaIp).toBe('string');
    expect((ses.events() as Json[]).map((e) => e.eventType)).toEqual(['Send', 'Bounce']);
    expect(ses.listSuppressedDestinations()).toEqual({ SuppressedDestinationSummaries: [] });
  });

  test('ooto: delivered, then a Transient/General bounce naming only the address', () => {
    const { ses } = sendOne(`ooto${AT}`);
    const notes = ses.notifications() as Json[];
    expect(notes.map((n) => n.notificationType)).toEqual(['Delivery', 'Bounce']);
    const bounce = notes[1]?.bounce;
    expect(bounce.bounceType).toBe('Transient');
    expect(bounce.bounceSubType).toBe('General');
    expect(bounce.bouncedRecipients).toEqual([{ emailAddress: `ooto${AT}` }]);
    expect(bounce).not.toHaveProperty('reportingMTA');
    expect(bounce).not.toHaveProperty('remoteMtaIp');
    expect((ses.events() as Json[]).map((e) => e.eventType)).toEqual([
      'Send',
      'Delivery',
      'Bounce',
    ]);
  });

  test('complaint: delivered, then an abuse complaint from the simulator', () => {
    const { ses } = sendOne(`complaint${AT}`);
    const notes = ses.notifications() as Json[];
    expect(notes.map((n) => n.notificationType)).toEqual(['Delivery', 'Complaint']);
    const complaint = notes[1]?.complaint;
    expect(complaint.userAgent).toBe('Amazon SES Mailbox Simulator');
    expect(complaint.complaintFeedbackType).toBe('abuse');
    expect(complaint.complainedRecipients).toEqual([{ emailAddress: `complaint${AT}` }]);
    const event = (ses.events() as Json[])[2];
    expect(event?.eventType).toBe('Complaint');
    expect(event?.complaint.complaintSubType).toBeNull();
    expect(typeof event?.complaint.arrivalDate).toBe('string');
    expect(ses.listSuppressedDestinations()).toEqual({ SuppressedDestinationSummaries: [] });
  });

  test('suppressionlist: a Permanent/Suppressed bounce with SES’s own diagnostic', () => {
    const { ses } = sendOne(`suppressionlist${AT}`);
    const notes = ses.notifications() as Json[];
    expect(notes.map((n) => n.notificationType)).toEqual(['Bounce']);
    expect(notes[0]?.bounce).toMatchObject({
      bounceType: 'Permanent',
      bounceSubType: 'Suppressed',
      reportingMTA: 'dns; amazonses.com',
      bouncedRecipients: [
        {
          emailAddress: `suppressionlist${AT}`,
          action: 'failed',
          status: '5.1.1',
          diagnosticCode:
            'Amazon SES has suppressed sending to this address because it has a recent history of bouncing as an invalid address. For more information about how to remove an address from the suppression list, see the Amazon SES Developer Guide: http://docs.aws.amazon.com/ses/latest/DeveloperGuide/remove-from-suppressionlist.html ',
        },
      ],
    });
    expect(notes[0]?.bounce).not.toHaveProperty('remoteMtaIp');
  });

  test('+label variants behave like the base address', () => {
    const { ses } = sendOne(`bounce+campaign-7${AT}`);
    const notes = ses.notifications() as Json[];
    expect(notes[0]?.bounce.bouncedRecipients[0].emailAddress).toBe(`bounce+campaign-7${AT}`);
    expect(notes[0]?.bounce.bounceType).toBe('Permanent');
    expect(simulatorScenario(`complaint+x${AT}`)).toBe('complaint');
    expect(simulatorScenario(`SUCCESS${AT}`)).toBe('success');
    expect(simulatorScenario('success@example.com')).toBeUndefined();
  });

  test('several simulated bounces in one request are reported in one bounce', () => {
    const ses = simulator();
    ses.sendEmail(rawRequest([`bounce${AT}`, `bounce+2${AT}`]));
    ses.advance(60_000);
    const notes = ses.notifications() as Json[];
    expect(notes).toHaveLength(1);
    expect(notes[0]?.bounce.bouncedRecipients.map((r: Json) => r.emailAddress)).toEqual([
      `bounce${AT}`,
      `bounce+2${AT}`,
    ]);
  });

  test('simulator sends need no verified recipients in the sandbox and do not use the daily quota', () => {
    const ses = simulator();
    for (let i = 0; i < 5; i++) {
      ses.sendEmail(rawRequest([`success${AT}`, `bounce${AT}`, `complaint${AT}`]));
      ses.advance(60_000);
    }
    expect(ses.getSendQuota().SentLast24Hours).toBe(0);
    expect(ses.reputation()).toMatchObject({ sent: 0, bounces: 0, complaints: 0 });
  });

  test('simulator sends are still held to the sending rate', () => {
    const ses = simulator();
    ses.sendEmail(rawRequest([`success${AT}`]));
    expect(() => ses.sendEmail(rawRequest([`success${AT}`]))).toThrow(
      'Maximum sending rate exceeded.',
    );
    ses.advance(1_000);
    expect(ses.sendEmail(rawRequest([`success${AT}`])).MessageId).toMatch(/-000000$/);
  });

  test('an undocumented simulator address bounces as suppressed', () => {
    const { ses } = sendOne(`hi${AT}`);
    expect((ses.notifications() as Json[])[0]?.bounce.bounceSubType).toBe('Suppressed');
  });
});

describe('deliveries to several recipients', () => {
  test('recipients whose servers answered alike share one Delivery', () => {
    const ses = simulator({
      sandbox: false,
      outcomeRules: [
        { pattern: '*@slow.example', outcome: { kind: 'delivery', smtpResponse: '250 ok queued' } },
      ],
    });
    ses.sendEmail(
      rawRequest([`success${AT}`, 'a@fine.example', 'b@fine.example', 'c@slow.example']),
    );
    ses.advance(60_000);
    const deliveries = (ses.notifications() as Json[]).map((n) => [
      n.delivery.smtpResponse,
      n.delivery.recipients,
    ]);
    expect(deliveries).toEqual([
      ['250 2.6.0 Message received', [`success${AT}`]],
      ['250 2.0.0 OK', ['a@fine.example', 'b@fine.example']],
      ['250 ok queued', ['c@slow.example']],
    ]);
  });
});
