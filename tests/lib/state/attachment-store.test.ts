import { describe, expect, test } from 'vitest';
import { AttachmentStore, type AttachmentSinks } from '../../../src/lib/state/attachment-store.ts';

function recordingSinks() {
  const log: string[] = [];
  const stored = new Map<string, Blob | Uint8Array>();
  const sinks: AttachmentSinks = {
    persist: async (id, content) => {
      log.push(`persist ${id} ${content instanceof Blob ? 'blob' : 'bytes'}`);
      stored.set(id, content);
    },
    drop: async (id) => {
      log.push(`drop ${id}`);
      stored.delete(id);
    },
    share: (id, content) => log.push(`share ${id} ${content instanceof Blob ? 'blob' : 'bytes'}`),
    unshare: (id) => log.push(`unshare ${id}`),
  };
  return { sinks, log, stored };
}

describe('AttachmentStore', () => {
  test('a file is stored and shared once, as the file, and described with its size and type', async () => {
    const { sinks, log, stored } = recordingSinks();
    let n = 0;
    const store = new AttachmentStore(sinks, () => `id${++n}`);
    const info = await store.add(new File(['%PDF-1.4'], 'report.pdf'));
    expect(info).toEqual({
      id: 'id1',
      filename: 'report.pdf',
      contentType: 'application/pdf',
      size: 8,
      inline: false,
    });
    expect(new TextDecoder().decode(store.get('id1'))).toBe('%PDF-1.4');
    expect(stored.get('id1')).toBeInstanceOf(Blob);
    expect(log).toEqual(['persist id1 blob', 'share id1 blob']);
  });

  test('a file whose bytes cannot be stored never appears', async () => {
    const store = new AttachmentStore(
      {
        persist: () => Promise.reject(new Error('Quota exceeded.')),
        drop: async () => {},
        share: () => {},
        unshare: () => {},
      },
      () => 'x',
    );
    await expect(store.add(new File(['a'], 'a.txt'))).rejects.toThrow('Quota exceeded.');
    expect(store.has('x')).toBe(false);
  });

  test('switching drafts unshares the old bytes and shares the new ones; forget and drop are separate', async () => {
    const { sinks, log } = recordingSinks();
    const store = new AttachmentStore(sinks, () => 'new');
    store.replace(new Map([['a', new Uint8Array([1])]]));
    store.replace(new Map([['b', new Uint8Array([2])]]));
    expect(store.has('a')).toBe(false);
    expect(store.get('b')).toEqual(new Uint8Array([2]));
    store.forget('b');
    await store.drop('b');
    expect(log).toEqual(['share a bytes', 'unshare a', 'share b bytes', 'unshare b', 'drop b']);
  });
});
