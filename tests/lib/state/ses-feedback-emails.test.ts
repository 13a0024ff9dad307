import { describe, expect, test } from 'vitest';
import { inspectMessage } from '../../../src/lib/mime/index.ts';
import { openVerifiedStore as openStore } from './ses-store-support.ts';
import { sendDraft } from '../../../src/lib/state/ses-send.ts';

describe('feedback emails in the store', () => {
  test('a bounce email is listed and its bytes read back as a bounce of the same type and status', async () => {
    const store = await openStore();
    const sent = await sendDraft(
      {
        from: 'news@example.com',
        to: ['bounce@simulator.amazonses.com'],
        subject: 'Hi',
        text: 'Hi.',
      },
      { store },
    );
    expect(sent.ok).toBe(true);
    store.advance(60_000);
    const [email] = store.view!.feedbackEmails;
    expect(email).toMatchObject({ kind: 'bounce', to: 'news@example.com' });
    expect(sent.ok && email?.messageId).toBe(sent.ok && sent.messageId);
    const inspection = await inspectMessage(store.feedbackEmail(email!.index));
    const notification = store.view!.notifications.find((n) => n.notificationType === 'Bounce');
    const { bounce } = notification!.payload as {
      bounce: { bounceType: string; bouncedRecipients: Array<{ status: string }> };
    };
    // The subtype is left out: Inspect reads status 5.1.1 as NoEmail where SES's notification
    // for the simulator's bounce address says General.
    expect(inspection.report).toMatchObject({
      kind: 'bounce',
      bounceType: bounce.bounceType,
      recipients: [{ status: bounce.bouncedRecipients[0]!.status }],
    });
    expect(() => store.feedbackEmail(5)).toThrow(RangeError);
    store.dispose();
  });

  test('a complaint email is listed and reads back as a complaint about the message', async () => {
    const store = await openStore();
    const sent = await sendDraft(
      {
        from: 'news@example.com',
        to: ['complaint@simulator.amazonses.com'],
        subject: 'Hi',
        text: 'Hi.',
      },
      { store },
    );
    store.advance(60_000);
    const [email] = store.view!.feedbackEmails;
    expect(email).toMatchObject({ kind: 'complaint', to: 'news@example.com' });
    const inspection = await inspectMessage(store.feedbackEmail(email!.index));
    expect(inspection.report).toMatchObject({
      kind: 'complaint',
      feedbackType: 'abuse',
      complainedRecipients: ['complaint@simulator.amazonses.com'],
    });
    expect(sent.ok && email?.messageId).toBe(sent.ok && sent.messageId);
    store.dispose();
  });
});
