import { expect, it } from 'vitest';
import { decodeEncodedWords, inspectMessage } from '../../../src/lib/mime/index.ts';
import { notificationFor } from '../../../src/lib/inspect-view/ses-notification.ts';
import { describeCorpus, readCorpus } from '../../support/corpus.ts';

interface Notification {
  notificationType: string;
  bounce?: {
    bounceType: string;
    bouncedRecipients: Array<{ emailAddress: string; status?: string; action?: string }>;
  };
  complaint?: {
    complainedRecipients: Array<{ emailAddress: string }>;
    complaintFeedbackType?: string;
  };
  mail: {
    headers?: Array<{ name: string; value: string }>;
    commonHeaders?: {
      subject?: string;
      messageId?: string;
      from?: string[];
      to?: string[];
      returnPath?: string;
    };
  };
}

describeCorpus('the SES notification for an inspected report', () => {
  it('turns a Postfix DSN into a Bounce notification', async () => {
    const raw = readCorpus('sisimai-set-of-emails/maildir/bsd/lhost-postfix-01.eml');
    const notification = (await notificationFor(await inspectMessage(raw), raw, 0)) as Notification;
    expect(notification.notificationType).toBe('Bounce');
    expect(notification.bounce?.bounceType).toBe('Permanent');
    expect(notification.bounce?.bouncedRecipients).toContainEqual(
      expect.objectContaining({ emailAddress: 'r@p351355.pool.example.ne.jp', status: '5.1.1' }),
    );
  });

  it('takes the original headers from the returned message or the returned headers', async () => {
    // Python reads the returned message's Subject as "test" and the returned headers' as Japanese.
    const message = readCorpus('sisimai-set-of-emails/maildir/bsd/lhost-postfix-02.eml');
    const fromMessage = (await notificationFor(
      await inspectMessage(message),
      message,
      0,
    )) as Notification;
    expect(fromMessage.mail.commonHeaders?.subject).toBe('test');
    const headers = readCorpus('sisimai-set-of-emails/maildir/bsd/lhost-postfix-09.eml');
    const fromHeaders = (await notificationFor(
      await inspectMessage(headers),
      headers,
      0,
    )) as Notification;
    expect(fromHeaders.mail.commonHeaders?.subject).toBeTruthy();
    // The returned headers, not the report's own ("Undelivered Mail Returned to Sender" from
    // MAILER-DAEMON@xxxc.asia, Message-Id <20140913052357.F13164A2C@xxxc.asia>).
    const returnedSubject =
      '=?ISO-2022-JP?B?gaGL2Yt9kmyJuoKwgUmBSYGhiWaJ5oFFg0GDaoOBgUWDWIN8gVuDY4FFibmKeYH0jouSrpe/lrOXv4LFjKmV+pHogaE=?=';
    expect(fromHeaders.mail.headers).toContainEqual({ name: 'Subject', value: returnedSubject });
    expect(fromHeaders.mail.commonHeaders).toMatchObject({
      returnPath: 'kijitora@example.ne.jp',
      from: ['kijitora@example.ne.jp'],
      to: ['kijitora@example.ne.jp'],
      messageId: '20140913142357',
    });
    // commonHeaders.subject is decoded, as for the message when it was sent.
    expect(fromHeaders.mail.commonHeaders?.subject).toBe(decodeEncodedWords(returnedSubject));
    expect(fromHeaders.mail.commonHeaders?.subject).not.toBe(returnedSubject);
  });

  it('turns an ARF report into a Complaint notification', async () => {
    const raw = readCorpus('email-arf-perl/t/messages/example1.msg');
    const notification = (await notificationFor(await inspectMessage(raw), raw, 0)) as Notification;
    expect(notification.notificationType).toBe('Complaint');
    expect(notification.complaint?.complaintFeedbackType).toBe('opt-out');
  });

  it('gives nothing for a message that is not a report', async () => {
    const raw = readCorpus('cpython-test_email/Lib/test/test_email/data/msg_01.txt');
    expect(await notificationFor(await inspectMessage(raw), raw, 0)).toBeUndefined();
  });
});
