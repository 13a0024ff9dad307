import { expect, test } from 'vitest';
import { describeCorpus, listCorpus } from './corpus.ts';

describeCorpus('the corpus locator', () => {
  test('finds the vector files the codec tests read', () => {
    expect(listCorpus('libqp').some((path) => path.endsWith('.json'))).toBe(true);
  });
});
