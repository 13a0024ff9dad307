import { describe, expect, test } from 'vitest';
import {
  addIdentity,
  findCoveringIdentity,
  isVerifiedAddress,
  normalizeIdentity,
  removeIdentity,
} from '../../../../src/lib/ses/identities/identities.ts';
import { SesError } from '../../../../src/lib/ses/index.ts';
import { rawRequest, simulator, thrown, T0, TOPIC_ARN } from '../support.ts';

const AT = '2026-01-01T00:00:00.000Z';

describe('which identities cover an address', () => {
  const identities = addIdentity(addIdentity([], 'Example.COM', AT), 'sender@Other.example', AT);

  test('a verified domain covers its addresses and every subdomain, at any depth', () => {
    for (const address of [
      'user@example.com',
      'a@a.example.com',
      'user@a.b.example.com',
      'x@EXAMPLE.com',
    ]) {
      expect(isVerifiedAddress(identities, address)).toBe(true);
    }
    expect(isVerifiedAddress(identities, 'user@notexample.com')).toBe(false);
    expect(isVerifiedAddress(identities, 'user@example.com.evil')).toBe(false);
  });

  test('domains are case-insensitive, addresses case-sensitive', () => {
    expect(normalizeIdentity('Example.COM')).toEqual({ identity: 'example.com', type: 'DOMAIN' });
    expect(isVerifiedAddress(identities, 'sender@Other.example')).toBe(true);
    expect(isVerifiedAddress(identities, 'sender@other.example')).toBe(false);
    expect(isVerifiedAddress(identities, 'Sender@Other.example')).toBe(false);
  });

  test('+label variants of a verified address need no verification of their own', () => {
    expect(isVerifiedAddress(identities, 'sender+news@Other.example')).toBe(true);
    expect(isVerifiedAddress(identities, 'sender+a+b@Other.example')).toBe(true);
    expect(isVerifiedAddress(identities, 'senderx@Other.example')).toBe(false);
  });

  test('the most specific identity wins: address, then the deepest domain', () => {
    const more = addIdentity(
      addIdentity(identities, 'mail.example.com', AT),
      'ann@mail.example.com',
      AT,
    );
    expect(findCoveringIdentity(more, 'ann@mail.example.com')?.identity).toBe(
      'ann@mail.example.com',
    );
    expect(findCoveringIdentity(more, 'bob@x.mail.example.com')?.identity).toBe('mail.example.com');
    expect(findCoveringIdentity(more, 'bob@example.com')?.identity).toBe('example.com');
  });

  test('verifying twice keeps one identity; removing takes it away', () => {
    expect(addIdentity(identities, 'example.com', AT)).toHaveLength(2);
    expect(removeIdentity(identities, 'EXAMPLE.com').map((r) => r.identity)).toEqual([
      'sender@Other.example',
    ]);
    expect(removeIdentity(identities, 'Sender@Other.example')).toHaveLength(2);
  });

  test('text that is neither an address nor a domain is refused', () => {
    for (const bad of ['', 'localhost', 'a@', '@b.example', 'exa mple.com', '-x.example']) {
      const error = thrown(() => normalizeIdentity(bad));
      expect(error).toBeInstanceOf(SesError);
      expect((error as SesError).message).toBe(`Invalid email address<${bad}>.`);
    }
  });
});

describe('sending from and to identities', () => {
  test('an unverified sender is refused with SES’s message, region upper-case, address as given', () => {
    const ses = simulator();
    const error = thrown(() =>
      ses.sendEmail(
        rawRequest(['success@simulator.amazonses.com'], {
          from: 'Sendportal <nagaraj@unverified.example>',
        }),
      ),
    ) as SesError;
    expect(error).toBeInstanceOf(SesError);
    expect(error.code).toBe('MessageRejected');
    expect(error.message).toBe(
      'Email address is not verified. The following identities failed the check in region US-EAST-1: Sendportal <nagaraj@unverified.example>',
    );
  });

  test('in the sandbox every unverified recipient is listed after the sender', () => {
    const ses = simulator({ region: 'eu-central-1' });
    const error = thrown(() =>
      ses.sendEmail(
        rawRequest(['yoyo <yoyo@domain.example>', 'ok@example.com', 'other@domain.example'], {
          from: 'me@nowhere.example',
        }),
      ),
    ) as SesError;
    expect(error.message).toBe(
      'Email address is not verified. The following identities failed the check in region EU-CENTRAL-1: me@nowhere.example, yoyo <yoyo@domain.example>, other@domain.example',
    );
  });

  test('out of the sandbox any recipient will do, but the sender must still be verified', () => {
    const ses = simulator({ sandbox: false });
    expect(ses.sendEmail(rawRequest(['anyone@anywhere.example'])).MessageId).toBeTruthy();
    expect(() =>
      ses.sendEmail(rawRequest(['anyone@anywhere.example'], { from: 'x@unverified.example' })),
    ).toThrow(/^Email address is not verified\./);
  });

  test('identities are listed with their verification time and can be deleted', () => {
    const ses = simulator();
    ses.verifyIdentity('me@Mail.example');
    expect(ses.listIdentities()).toEqual([
      {
        identity: 'example.com',
        type: 'DOMAIN',
        verifiedAt: new Date(T0).toISOString(),
        headersInNotificationsEnabled: false,
        notificationTopics: { Bounce: TOPIC_ARN, Complaint: TOPIC_ARN, Delivery: TOPIC_ARN },
      },
      {
        identity: 'me@Mail.example',
        type: 'EMAIL_ADDRESS',
        verifiedAt: new Date(T0).toISOString(),
        headersInNotificationsEnabled: false,
      },
    ]);
    ses.deleteIdentity('example.com');
    expect(() => ses.sendEmail(rawRequest(['success@simulator.amazonses.com']))).toThrow(
      /not verified/,
    );
  });
});

describe('every sending identity', () => {
  test('Sender and Return-Path headers must be verified too', () => {
    const ses = simulator();
    const request = rawRequest(['success@simulator.amazonses.com'], {
      extra: [
        ['Sender', 'Ops <ops@unverified.example>'],
        ['Return-Path', '<bounces@example.com>'],
      ],
    });
    expect((thrown(() => ses.sendEmail(request)) as SesError).message).toBe(
      'Email address is not verified. The following identities failed the check in region US-EAST-1: Ops <ops@unverified.example>',
    );
    ses.verifyIdentity('ops@unverified.example');
    expect(() => ses.sendEmail(request)).not.toThrow();
  });

  test('a feedback forwarding address must be verified', () => {
    const ses = simulator();
    const request = {
      ...rawRequest(['success@simulator.amazonses.com']),
      FeedbackForwardingEmailAddress: 'fb@elsewhere.example',
    };
    expect((thrown(() => ses.sendEmail(request)) as SesError).message).toMatch(
      /: fb@elsewhere\.example$/,
    );
  });
});

describe('deleting an identity', () => {
  test('finds it written the way it was verified, as SES normalises it', () => {
    const ses = simulator();
    ses.verifyIdentity('Example.org.');
    ses.verifyIdentity('Ann@example.net');
    ses.deleteIdentity('Example.org.');
    ses.deleteIdentity(' Ann@example.net ');
    expect(ses.listIdentities().map((r) => r.identity)).toEqual(['example.com']);
  });
});
