import { describe, expect, test } from 'vitest';
import { SesError } from '../../../../src/lib/ses/index.ts';
import { rawRequest, simulator, thrown, T0 } from '../support.ts';

const HOUR = 60 * 60 * 1000;

describe('the suppression API in SES v2 shapes', () => {
  test('PutSuppressedDestination takes the v2 request and GetSuppressedDestination answers it', () => {
    const ses = simulator();
    ses.putSuppressedDestination({ EmailAddress: 'ann@x.example', Reason: 'COMPLAINT' });
    expect(ses.getSuppressedDestination('ANN@x.example')).toEqual({
      SuppressedDestination: {
        EmailAddress: 'ann@x.example',
        Reason: 'COMPLAINT',
        LastUpdateTime: new Date(T0).toISOString(),
      },
    });
    expect(ses.getSuppressedDestination({ EmailAddress: 'ann@x.example' })).toEqual(
      ses.getSuppressedDestination('ann@x.example'),
    );
  });

  test('an address SES added itself carries the message and feedback in Attributes', () => {
    const ses = simulator({
      sandbox: false,
      outcomeRules: [{ pattern: 'gone@*', outcome: { kind: 'hard-bounce', status: '5.1.1' } }],
    });
    const { MessageId } = ses.sendEmail(rawRequest(['gone@x.example']));
    ses.advance(60_000);
    const bounce = (ses.notifications() as Array<Record<string, any>>)[0]; // eslint-disable-line @typescript-eslint/no-explicit-any
    const { SuppressedDestination } = ses.getSuppressedDestination('gone@x.example');
    expect(SuppressedDestination).toEqual({
      EmailAddress: 'gone@x.example',
      Reason: 'BOUNCE',
      LastUpdateTime: expect.stringMatching(/^2026-01-01T00:0\d:\d\d\.\d{3}Z$/),
      Attributes: { MessageId, FeedbackId: bounce?.bounce.feedbackId },
    });
  });

  test('Get and Delete of an unlisted address throw NotFoundException in SES words', () => {
    const ses = simulator();
    for (const call of [
      () => ses.getSuppressedDestination('nobody@x.example'),
      () => ses.deleteSuppressedDestination({ EmailAddress: 'nobody@x.example' }),
    ]) {
      const error = thrown(call) as SesError;
      expect(error).toBeInstanceOf(SesError);
      expect([error.code, error.statusCode, error.message]).toEqual([
        'NotFoundException',
        404,
        'Email address nobody@x.example does not exist on your suppression list.',
      ]);
      expect(error.toJSON()).toEqual({
        message: 'Email address nobody@x.example does not exist on your suppression list.',
      });
    }
  });

  test('ListSuppressedDestinations filters by reason and by date', () => {
    const ses = simulator();
    ses.putSuppressedDestination({ EmailAddress: 'a@x.example', Reason: 'BOUNCE' });
    ses.advance(HOUR);
    ses.putSuppressedDestination({ EmailAddress: 'b@x.example', Reason: 'COMPLAINT' });
    ses.advance(HOUR);
    ses.putSuppressedDestination({ EmailAddress: 'c@x.example', Reason: 'BOUNCE' });
    const names = (request: Parameters<typeof ses.listSuppressedDestinations>[0]) =>
      ses
        .listSuppressedDestinations(request)
        .SuppressedDestinationSummaries.map((e) => e.EmailAddress);
    expect(names({ Reasons: ['BOUNCE'] })).toEqual(['a@x.example', 'c@x.example']);
    expect(names({ Reasons: ['COMPLAINT'] })).toEqual(['b@x.example']);
    expect(names({ Reasons: ['BOUNCE', 'COMPLAINT'] })).toHaveLength(3);
    expect(names({ StartDate: new Date(T0 + HOUR) })).toEqual(['b@x.example', 'c@x.example']);
    expect(names({ EndDate: new Date(T0 + HOUR).toISOString() })).toEqual([
      'a@x.example',
      'b@x.example',
    ]);
    expect(
      names({ StartDate: new Date(T0 + 1), EndDate: new Date(T0 + HOUR), Reasons: ['BOUNCE'] }),
    ).toEqual([]);
  });

  test('pages of PageSize follow each other by NextToken, the last without one', () => {
    const ses = simulator();
    const all = Array.from({ length: 7 }, (_, i) => `r${i}@x.example`);
    for (const address of all) ses.putSuppressedDestination(address, 'BOUNCE');
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = ses.listSuppressedDestinations({ PageSize: 3, NextToken: token });
      seen.push(...page.SuppressedDestinationSummaries.map((e) => e.EmailAddress));
      token = page.NextToken;
      pages += 1;
    } while (token !== undefined);
    expect(pages).toBe(3);
    expect(seen).toEqual(all);
    expect(ses.listSuppressedDestinations({ PageSize: 7 }).NextToken).toBeUndefined();
  });

  test('a page follows on after addresses before it were removed', () => {
    const ses = simulator();
    for (let i = 0; i < 6; i++) ses.putSuppressedDestination(`r${i}@x.example`, 'BOUNCE');
    const first = ses.listSuppressedDestinations({ PageSize: 3 });
    ses.deleteSuppressedDestination('r0@x.example');
    const second = ses.listSuppressedDestinations({ PageSize: 3, NextToken: first.NextToken });
    expect(second.SuppressedDestinationSummaries.map((e) => e.EmailAddress)).toEqual([
      'r3@x.example',
      'r4@x.example',
      'r5@x.example',
    ]);
  });

  test('one call returns at most 1,000 summaries', () => {
    const ses = simulator();
    for (let i = 0; i < 1001; i++) ses.putSuppressedDestination(`r${i}@x.example`, 'BOUNCE');
    const first = ses.listSuppressedDestinations();
    expect(first.SuppressedDestinationSummaries).toHaveLength(1000);
    const rest = ses.listSuppressedDestinations({ NextToken: first.NextToken });
    expect(rest).toEqual({
      SuppressedDestinationSummaries: [
        { EmailAddress: 'r1000@x.example', Reason: 'BOUNCE', LastUpdateTime: expect.any(String) },
      ],
    });
  });

  test('a bad token, page size, reason or date is a BadRequestException marked as simulated', () => {
    const ses = simulator();
    ses.putSuppressedDestination('a@x.example', 'BOUNCE');
    const requests = [
      { NextToken: 'not a token' },
      { NextToken: btoa('[0,"a"]') },
      { PageSize: 0 },
      { PageSize: 1001 },
      { PageSize: 2.5 },
      { StartDate: 'yesterday' },
    ];
    for (const request of requests) {
      const error = thrown(() => ses.listSuppressedDestinations(request)) as SesError;
      expect(error).toBeInstanceOf(SesError);
      expect([error.code, error.statusCode]).toEqual(['BadRequestException', 400]);
      expect(error.message).toMatch(/\(the simulator's wording: SES documents none\)$/);
    }
    const reason = thrown(() =>
      ses.listSuppressedDestinations({ Reasons: ['SPAM' as 'BOUNCE'] }),
    ) as SesError;
    expect(reason.code).toBe('BadRequestException');
  });

  test('a state saved before Attributes were checked still imports, and keeps them', () => {
    const ses = simulator();
    ses.putSuppressedDestination('a@x.example', 'BOUNCE');
    const saved = ses.exportState();
    saved.suppressionList = [
      {
        emailAddress: 'old@x.example',
        reason: 'COMPLAINT',
        lastUpdateTime: new Date(T0).toISOString(),
      },
      {
        emailAddress: 'auto@x.example',
        reason: 'BOUNCE',
        lastUpdateTime: new Date(T0).toISOString(),
        attributes: { messageId: 'm-1', feedbackId: 'f-1' },
      },
    ];
    const again = simulator();
    again.importState(JSON.parse(JSON.stringify(saved)));
    expect(
      again.getSuppressedDestination('auto@x.example').SuppressedDestination.Attributes,
    ).toEqual({ MessageId: 'm-1', FeedbackId: 'f-1' });
    expect(again.getSuppressedDestination('old@x.example').SuppressedDestination.Reason).toBe(
      'COMPLAINT',
    );
  });
});
