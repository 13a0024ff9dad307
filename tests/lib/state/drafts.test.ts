import { describe, expect, test } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { openDatabase } from '../../../src/lib/state/db.ts';
import {
  DraftLibrary,
  nameAfterSubjectChange,
  untitledName,
} from '../../../src/lib/state/drafts.svelte.ts';

describe('IndexedDB wrapper', () => {
  test('stores values by key, and adds a missing store by upgrading the version', async () => {
    const factory = new IDBFactory();
    const first = await openDatabase('area', ['one'], { factory });
    await first.store<{ n: number }>('one').put('a', { n: 1 });
    first.close();
    const second = await openDatabase('area', ['one', 'two'], { factory });
    await second.store<Uint8Array>('two').put('bytes', new Uint8Array([1, 2, 3]));
    expect(await second.store('one').get('a')).toEqual({ n: 1 });
    expect(await second.store('two').get('bytes')).toEqual(new Uint8Array([1, 2, 3]));
    expect(await second.store('one').keys()).toEqual(['a']);
    await second.store('one').delete('a');
    expect(await second.store('one').getAll()).toEqual([]);
    expect(() => second.store('three')).toThrow(RangeError);
  });
});

describe('drafts library', () => {
  let tick = 0;
  const now = () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++));

  test('a first visit starts from the sample draft, inline logo included', async () => {
    const library = new DraftLibrary({ factory: new IDBFactory(), now });
    const { record, contents } = await library.load();
    expect(record.fields.subject).toMatch(/shipped/);
    expect(record.fields.html).toContain('cid:logo@mailwright.example');
    const logo = record.fields.attachments[0];
    expect(logo?.inline).toBe(true);
    expect(contents.get(logo?.id ?? '')?.length).toBe(logo?.size);
    expect(library.summaries).toHaveLength(1);
  });

  test('a reload reopens the current draft with its edits and attachments', async () => {
    const factory = new IDBFactory();
    const library = new DraftLibrary({ factory, now });
    const { record } = await library.load();
    const second = await library.create();
    second.record.fields.subject = 'Edited';
    second.record.fields.attachments.push({
      id: 'file-1',
      filename: 'big.bin',
      contentType: 'application/octet-stream',
      size: 3,
      inline: false,
    });
    await library.putAttachment('file-1', new Uint8Array([7, 8, 9]));
    await library.save(second.record);

    const reloaded = await new DraftLibrary({ factory, now }).load();
    expect(reloaded.record.id).toBe(second.record.id);
    expect(reloaded.record.fields.subject).toBe('Edited');
    expect(reloaded.contents.get('file-1')).toEqual(new Uint8Array([7, 8, 9]));
    expect(reloaded.record.id).not.toBe(record.id);
  });

  test('duplicates copy attachments; deleting the original leaves the copy whole', async () => {
    const library = new DraftLibrary({ factory: new IDBFactory(), now });
    const original = await library.load();
    const copy = await library.duplicate(original.record.id);
    expect(copy.record.name).toBe(`${original.record.name} (copy)`);
    const copyLogo = copy.record.fields.attachments[0]?.id ?? '';
    expect(copyLogo).not.toBe(original.record.fields.attachments[0]?.id);
    const next = await library.remove(original.record.id);
    expect(next.record.id).toBe(copy.record.id);
    expect(next.contents.get(copyLogo)?.length).toBeGreaterThan(0);
    expect(library.summaries.map((item) => item.id)).toEqual([copy.record.id]);
  });

  test('deleting the last draft starts a new sample; renaming is kept', async () => {
    const factory = new IDBFactory();
    const library = new DraftLibrary({ factory, now });
    const only = await library.load();
    await library.rename(only.record.id, 'Shipping notice');
    expect(library.summaries[0]?.name).toBe('Shipping notice');
    const fresh = await library.remove(only.record.id);
    expect(fresh.record.id).not.toBe(only.record.id);
    expect(library.summaries).toHaveLength(1);
  });
});

describe('draft names', () => {
  test('a new draft is empty and called "Untitled N" with the first free N', async () => {
    const library = new DraftLibrary({ factory: new IDBFactory() });
    await library.load();
    const first = await library.createBlank();
    expect(first.record.name).toBe('Untitled 1');
    expect(first.record.fields.subject).toBe('');
    expect(first.record.fields.html).toBe('');
    expect(first.record.fields.attachments).toEqual([]);
    expect(first.contents.size).toBe(0);
    expect((await library.createBlank()).record.name).toBe('Untitled 2');
    await library.remove(first.record.id);
    expect((await library.createBlank()).record.name).toBe('Untitled 1');
    expect(library.summaries[0]?.name).toBe('Untitled 1');
  });

  test('untitledName skips every number in use', () => {
    expect(untitledName([])).toBe('Untitled 1');
    expect(untitledName(['Untitled 1', 'Untitled 3', 'Untitled'])).toBe('Untitled 2');
  });

  const cases = [
    {
      name: 'Untitled 1',
      before: '',
      after: 'Hello',
      expected: 'Hello',
      why: 'a placeholder follows',
    },
    {
      name: 'Hello',
      before: 'Hello',
      after: 'Hello there',
      expected: 'Hello there',
      why: 'the subject name follows',
    },
    {
      name: 'Hello there',
      before: 'Hello there',
      after: '',
      expected: 'Untitled 2',
      why: 'an emptied subject gives a placeholder',
    },
    {
      name: 'Untitled 4',
      before: 'x',
      after: '',
      expected: 'Untitled 4',
      why: 'a placeholder stays when the subject empties',
    },
    {
      name: 'Weekly',
      before: 'Hello',
      after: 'Hello there',
      expected: 'Weekly',
      why: 'a renamed draft keeps its name',
    },
    { name: '', before: 'a', after: 'b', expected: 'b', why: 'an empty name follows' },
    {
      name: 'Spaced',
      before: '  Spaced ',
      after: ' New ',
      expected: 'New',
      why: 'white space around a subject is not part of the name',
    },
  ];
  for (const t of cases) {
    test(t.why, () => {
      expect(nameAfterSubjectChange(t.name, t.before, t.after, ['Untitled 1'])).toBe(t.expected);
    });
  }
});
