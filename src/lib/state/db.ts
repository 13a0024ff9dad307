/**
 * A small promise wrapper over IndexedDB: a database per area of the app (drafts, SES state…),
 * each with named key-value stores. Stores are created on first use, so areas never have to agree
 * on a shared schema version.
 */

/** A store of values by string key. */
export interface KeyValueStore<T> {
  get(key: string): Promise<T | undefined>;
  getAll(): Promise<T[]>;
  keys(): Promise<string[]>;
  put(key: string, value: T): Promise<void>;
  delete(key: string): Promise<void>;
  clear(): Promise<void>;
}

/** An open database with the stores it was opened with. */
export interface Database {
  store<T>(name: string): KeyValueStore<T>;
  /** Write several stores in one transaction: all of it is kept, or none. */
  write(stores: string[], work: (transaction: IDBTransaction) => void): Promise<void>;
  close(): void;
}

/** Options for `openDatabase`. */
export interface OpenDatabaseOptions {
  /** The IndexedDB implementation; the page's own by default (tests pass fake-indexeddb). */
  factory?: IDBFactory;
}

function settle<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed.'));
  });
}

function done(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () =>
      reject(transaction.error ?? new Error('IndexedDB transaction failed.'));
    transaction.onabort = () =>
      reject(transaction.error ?? new Error('IndexedDB transaction aborted.'));
  });
}

function open(
  factory: IDBFactory,
  name: string,
  version: number | undefined,
  stores: readonly string[],
): Promise<IDBDatabase> {
  const request = version === undefined ? factory.open(name) : factory.open(name, version);
  request.onupgradeneeded = () => {
    for (const store of stores) {
      if (!request.result.objectStoreNames.contains(store)) request.result.createObjectStore(store);
    }
  };
  return settle(request);
}

/**
 * Open (or create) database `name` with these stores. A store that does not exist yet is added by
 * raising the database's version by one.
 */
export async function openDatabase(
  name: string,
  stores: readonly string[],
  options: OpenDatabaseOptions = {},
): Promise<Database> {
  const factory = options.factory ?? globalThis.indexedDB;
  if (!factory) throw new RangeError('IndexedDB is not available here.');
  let db = await open(factory, name, undefined, stores);
  if (stores.some((store) => !db.objectStoreNames.contains(store))) {
    const next = db.version + 1;
    db.close();
    db = await open(factory, name, next, stores);
  }
  // Another tab upgrading the schema must not be blocked by this one.
  db.onversionchange = () => db.close();
  return wrap(db);
}

function wrap(db: IDBDatabase): Database {
  const run = async <R>(
    store: string,
    mode: IDBTransactionMode,
    work: (objectStore: IDBObjectStore) => IDBRequest<R>,
  ): Promise<R> => {
    const transaction = db.transaction(store, mode);
    const result = settle(work(transaction.objectStore(store)));
    await done(transaction);
    return result;
  };
  return {
    store<T>(name: string): KeyValueStore<T> {
      if (!db.objectStoreNames.contains(name)) {
        throw new RangeError(`The database has no store named "${name}".`);
      }
      return {
        get: (key) => run(name, 'readonly', (store) => store.get(key) as IDBRequest<T | undefined>),
        getAll: () => run(name, 'readonly', (store) => store.getAll() as IDBRequest<T[]>),
        keys: async () =>
          (await run(name, 'readonly', (store) => store.getAllKeys())).map((key) => String(key)),
        put: async (key, value) => {
          await run(name, 'readwrite', (store) => store.put(value, key));
        },
        delete: async (key) => {
          await run(name, 'readwrite', (store) => store.delete(key));
        },
        clear: async () => {
          await run(name, 'readwrite', (store) => store.clear());
        },
      };
    },
    async write(stores, work) {
      const transaction = db.transaction(stores, 'readwrite');
      work(transaction);
      await done(transaction);
    },
    close: () => db.close(),
  };
}
