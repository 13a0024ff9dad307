import { IDBFactory } from 'fake-indexeddb';
import { SesStore } from '../../../src/lib/state/ses.svelte.ts';

/** A loaded store on a fresh database, at a fixed time, with example.com verified. */
export async function openVerifiedStore(): Promise<SesStore> {
  const store = new SesStore({
    factory: new IDBFactory(),
    now: () => new Date(Date.UTC(2026, 2, 1)),
    autoRefresh: false,
  });
  await store.load();
  store.verifyIdentity('example.com');
  return store;
}
