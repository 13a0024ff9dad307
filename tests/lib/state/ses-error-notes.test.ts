import { describe, expect, it } from 'vitest';
import { describeError } from '../../../src/lib/state/ses-error-notes.ts';
import { UNEXPLAINED_FAILURE } from '../../../src/lib/describe-failure.ts';

describe('describeError', () => {
  it('gives the message of anything thrown with one, never [object Object]', () => {
    expect(describeError({ message: 'The worker stopped.' })).toBe('The worker stopped.');
    expect(describeError({})).toBe(UNEXPLAINED_FAILURE);
  });

  it('gives a plain error its message', () => {
    expect(describeError(new Error('Nothing to send.'))).toBe('Nothing to send.');
  });
});
