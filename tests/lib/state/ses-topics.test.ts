/**
 * The workspace reads feedback notifications from one SNS topic of the account: an identity made
 * with CreateEmailIdentity is subscribed once it verifies, as simulated time passes.
 */
import { IDBFactory } from 'fake-indexeddb';
import { expect, test } from 'vitest';
import { SesStore } from '../../../src/lib/state/ses.svelte.ts';
import { subscribeVerifiedEmailIdentities } from '../../../src/lib/state/ses-topics.ts';
import { keyedSimulator, publishAll } from '../ses/identities/identity-support.ts';

const topicsOf = (identities: Array<{ identity: string; notificationTopics?: object }>, name: string) =>
  Object.keys(identities.find((r) => r.identity === name)?.notificationTopics ?? {}).sort(); // prettier-ignore

test('a domain that verifies as time passes in the workspace is subscribed', async () => {
  const store = new SesStore({
    factory: new IDBFactory(),
    now: () => new Date(Date.UTC(2026, 2, 1)),
    autoRefresh: false,
  });
  await store.load();
  await store.createEmailIdentity('later.example');
  expect(topicsOf(store.view!.identities, 'later.example')).toEqual([]);
  for (const record of store.view!.emailIdentities[0]!.required) store.putDnsRecord(record);
  store.advance(60 * 60 * 1000);
  expect(topicsOf(store.view!.identities, 'later.example')).toEqual([
    'Bounce',
    'Complaint',
    'Delivery',
  ]);
}, 60_000);

test('only verified identities never given topics are subscribed; removed topics stay removed', async () => {
  const ses = await keyedSimulator();
  ses.createEmailIdentity('a.example');
  ses.createEmailIdentity('someone@pending.example');
  publishAll(ses, 'a.example');
  ses.advance(60 * 60 * 1000);
  expect(subscribeVerifiedEmailIdentities(ses, ses.exportState())).toBe(true);
  expect(topicsOf(ses.listIdentities(), 'a.example')).toEqual(['Bounce', 'Complaint', 'Delivery']);
  ses.setIdentityNotificationTopic('a.example', 'Delivery', undefined);
  expect(subscribeVerifiedEmailIdentities(ses, ses.exportState())).toBe(false);
  expect(topicsOf(ses.listIdentities(), 'a.example')).toEqual(['Bounce', 'Complaint']);
  expect(topicsOf(ses.listIdentities(), 'someone@pending.example')).toEqual([]);
}, 60_000);
