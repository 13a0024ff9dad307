/**
 * State files and stored records of the wrong shape: an import is refused with the first problem
 * named and nothing stored; a damaged stored record is kept aside, the page opens with the last
 * good state and says so.
 */
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, test } from 'vitest';
import { openDatabase } from '../../../src/lib/state/db.ts';
import { SES_DATABASE } from '../../../src/lib/state/ses-persistence.ts';
import { SesStore } from '../../../src/lib/state/ses.svelte.ts';

const now = () => new Date(Date.UTC(2026, 2, 1));

async function storeWith(factory: IDBFactory): Promise<SesStore> {
  const store = new SesStore({ factory, now, autoRefresh: false });
  await store.load();
  return store;
}

/** A state exported by a store, parsed, changed by `damage`, as JSON again. */
function damaged(json: string, damage: (state: Record<string, unknown>) => void): string {
  const state = JSON.parse(json) as Record<string, unknown>;
  damage(state);
  return JSON.stringify(state);
}

describe('importing a state file', () => {
  const cases: Array<[string, (s: Record<string, unknown>) => void, RegExp]> = [
    ['a field of the wrong type', (s) => (s.outcomeRules = [{ pattern: 5, outcome: { kind: 'delivery' } }]), /outcomeRules\[0\]\.pattern should be string/],
    ['rule sets that are not a list', (s) => ((s.receiving as { ruleSets: unknown }).ruleSets = {}), /receiving\.ruleSets should be Array/],
    ['a record without a field', (s) => (s.identities = [{ identity: 'a@b.example' }]), /identities\[0\]\.type is missing/],
    ['an outcome of an unknown kind', (s) => (s.outcomeRules = [{ pattern: '*', outcome: { kind: 'explode' } }]), /outcomeRules\[0\]\.outcome\.kind/],
    ['a hard bounce without a 5.x.x status', (s) => (s.outcomeRules = [{ pattern: '*', outcome: { kind: 'hard-bounce', status: '4.0.0' } }]), /cannot work/],
  ]; // prettier-ignore
  for (const [what, damage, message] of cases) {
    test(`${what} is refused with the first problem named, and nothing is stored`, async () => {
      const factory = new IDBFactory();
      const store = await storeWith(factory);
      store.verifyIdentity('kept@example.com');
      const bad = damaged(store.exportJson(), damage);
      expect(() => store.importJson(bad)).toThrow(message);
      expect(store.view!.identities.map((i) => i.identity)).toEqual(['kept@example.com']);
      await store.flush();
      store.dispose();
      const reopened = await storeWith(factory);
      expect(reopened.storageError).toBeNull();
      expect(reopened.view!.identities.map((i) => i.identity)).toEqual(['kept@example.com']);
      reopened.dispose();
    });
  }

  test('a file that names a key twice is refused', async () => {
    const store = await storeWith(new IDBFactory());
    const json = store.exportJson().replace('"region":', '"region": "eu-west-1", "region":');
    expect(() => store.importJson(json)).toThrow('The file names the key "region" twice.');
    store.dispose();
  });
});

describe('a damaged stored record', () => {
  test('the page opens with the last good state, says so, and keeps the record to export', async () => {
    const factory = new IDBFactory();
    const first = await storeWith(factory);
    first.verifyIdentity('good@example.com');
    await first.flush();
    first.dispose();
    // The next visit reads it back sound, which makes it the last good state.
    const second = await storeWith(factory);
    second.verifyIdentity('later@example.com');
    await second.flush();
    second.dispose();

    const db = await openDatabase(SES_DATABASE, ['state'], { factory });
    const record = await db.store<Record<string, unknown>>('state').get('simulator');
    await db
      .store('state')
      .put('simulator', { ...record, receiving: { ruleSets: 'oops', inbound: [] } });
    db.close();

    const third = await storeWith(factory);
    expect(third.storageError).toMatch(/damaged .*receiving\.ruleSets.*last good state/);
    expect(third.view!.identities.map((i) => i.identity)).toEqual(['good@example.com']);
    expect(JSON.parse(third.damagedJson!).receiving).toEqual({ ruleSets: 'oops', inbound: [] });
    await third.flush();
    third.dispose();

    const check = await openDatabase(SES_DATABASE, ['state'], { factory });
    const aside = await check.store<{ receiving: unknown }>('state').get('simulator-damaged');
    expect(aside?.receiving).toEqual({ ruleSets: 'oops', inbound: [] });
    check.close();
  });
});
