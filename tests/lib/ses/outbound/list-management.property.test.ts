import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { createSesSimulator, type SesSimulator } from '../../../../src/lib/ses/index.ts';
import { propertyRuns } from '../../../support/property-runs.ts';
import { simpleRequest, T0 } from '../support.ts';

const POOL = ['a@example.net', 'b@example.net', 'c@example.net', 'd@example.net'];
const TOPICS = ['Weekly', 'Offers'] as const;
const DEFAULTS = { Weekly: 'OPT_IN', Offers: 'OPT_OUT' } as const;
type Status = 'OPT_IN' | 'OPT_OUT';

/** What the test itself believes about each contact: the model the engine must agree with. */
interface ModelContact {
  prefs: Partial<Record<(typeof TOPICS)[number], Status>>;
  all: boolean;
}

const topic = fc.option(fc.constantFrom(...TOPICS), { nil: undefined });
const operation = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('send' as const), to: fc.nat(3), topic }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('advance' as const) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('prefer' as const),
      who: fc.nat(3),
      topic: fc.constantFrom(...TOPICS),
      status: fc.constantFrom<Status>('OPT_IN', 'OPT_OUT'),
      all: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('forget' as const), who: fc.nat(3) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('unsubscribe' as const),
      pick: fc.nat(),
      oneClick: fc.boolean(),
    }),
  },
);

function account(): SesSimulator {
  const ses = createSesSimulator({ now: () => new Date(T0), seed: 9, sandbox: false });
  ses.setSendQuota({ maxSendRate: 10_000 });
  ses.verifyIdentity('example.com');
  ses.createContactList({
    ContactListName: 'L',
    Topics: TOPICS.map((name) => ({
      TopicName: name,
      DisplayName: name,
      DefaultSubscriptionStatus: DEFAULTS[name],
    })),
  });
  return ses;
}

function receives(contact: ModelContact | undefined, name: string | undefined): boolean {
  if (!contact) return true;
  if (contact.all) return false;
  if (name === undefined) return true;
  const key = name as (typeof TOPICS)[number];
  return (contact.prefs[key] ?? DEFAULTS[key]) === 'OPT_IN';
}

describe('list management over random sequences', () => {
  test.prop([fc.array(operation, { maxLength: 30 })], propertyRuns(60))(
    'a contact unsubscribed from a topic (or from all) is never sent to on it; everyone else is',
    (operations) => {
      const ses = account();
      const model = new Map<string, ModelContact>();
      const sends: Array<{ id: string; to: string; topic?: string; expected: boolean }> = [];
      for (const op of operations) {
        if (op.kind === 'send') {
          const to = POOL[op.to]!;
          const request = simpleRequest([to], {
            ListManagementOptions: {
              ContactListName: 'L',
              ...(op.topic !== undefined ? { TopicName: op.topic } : {}),
            },
          });
          const { MessageId } = ses.sendEmail(request);
          const expected = receives(model.get(to), op.topic);
          sends.push({ id: MessageId, to, ...(op.topic ? { topic: op.topic } : {}), expected });
        } else if (op.kind === 'advance') {
          ses.advance(60_000);
        } else if (op.kind === 'prefer') {
          const who = POOL[op.who]!;
          const request = {
            ContactListName: 'L',
            EmailAddress: who,
            TopicPreferences: [{ TopicName: op.topic, SubscriptionStatus: op.status }],
            UnsubscribeAll: op.all,
          };
          if (model.has(who)) ses.updateContact(request);
          else ses.createContact(request);
          model.set(who, { prefs: { [op.topic]: op.status }, all: op.all });
        } else if (op.kind === 'forget') {
          const who = POOL[op.who]!;
          if (model.has(who)) ses.deleteContact('L', who);
          model.delete(who);
        } else {
          const delivered = ses.messages().filter((m) => m.recipients[0]!.status === 'delivered');
          if (delivered.length === 0) continue;
          const message = delivered[op.pick % delivered.length]!;
          const send = sends.find((s) => s.id === message.messageId)!;
          ses.unsubscribe(send.id, send.to, { oneClick: op.oneClick });
          const contact = model.get(send.to) ?? { prefs: {}, all: false };
          if (send.topic === undefined) contact.all = true;
          else contact.prefs[send.topic as (typeof TOPICS)[number]] = 'OPT_OUT';
          model.set(send.to, contact);
        }
        // The engine's view of every contact matches the model after every step.
        for (const address of POOL) {
          const contact = model.get(address);
          const listed = ses.listContacts({ ContactListName: 'L' }).Contacts;
          const found = listed.find((c) => c.EmailAddress === address);
          expect(found !== undefined).toBe(contact !== undefined);
          if (found && contact) expect(found.UnsubscribeAll).toBe(contact.all);
        }
      }
      ses.advance(60_000);
      for (const send of sends) {
        const message = ses.messages().find((m) => m.messageId === send.id)!;
        const [record] = message.recipients;
        if (send.expected) expect(record!.status).toBe('delivered');
        else {
          expect([record!.route, record!.status]).toEqual(['unsubscribed', 'bounced']);
          expect(() => ses.deliveredMessage(send.id, send.to)).toThrow(RangeError);
        }
      }
    },
  );
});
