import { describe, expect, test } from 'vitest';
import { fc, test as propTest } from '@fast-check/vitest';
import { IDBFactory } from 'fake-indexeddb';
import {
  ActionFeedback,
  UNEXPLAINED_FAILURE,
  describeFailure,
} from '../../../src/lib/state/action-feedback.svelte.ts';
import { SesStore, describeError } from '../../../src/lib/state/ses.svelte.ts';

/** Runs an action that throws `thrown`. */
function failWith(feedback: ActionFeedback, thrown: unknown): boolean {
  return feedback.run(() => {
    throw thrown;
  }, 'never shown');
}

describe('action feedback', () => {
  test('starts silent', () => {
    const feedback = new ActionFeedback();
    expect([feedback.status, feedback.error, feedback.pending]).toEqual(['', '', false]);
  });

  test('an action that works sets the status and clears an earlier error', () => {
    const feedback = new ActionFeedback();
    expect(failWith(feedback, new RangeError('Quota must be a number.'))).toBe(false);
    expect(feedback.error).toBe('Quota must be a number.');

    let ran = 0;
    expect(feedback.run(() => ran++, 'Quotas changed.')).toBe(true);
    expect(ran).toBe(1);
    expect(feedback.status).toBe('Quotas changed.');
    expect(feedback.error).toBe('');
  });

  test('a failing action shows the error text it threw and clears the status', () => {
    const feedback = new ActionFeedback();
    feedback.run(() => undefined, 'Rule set default created.');
    expect(feedback.status).toBe('Rule set default created.');

    expect(failWith(feedback, new RangeError('A rule set named default exists already.'))).toBe(
      false,
    );
    expect(feedback.error).toBe('A rule set named default exists already.');
    expect(feedback.status).toBe('');
  });

  test('the status can be made from what the action returned, or left empty', () => {
    const feedback = new ActionFeedback();
    feedback.run(
      () => ({ messageId: 'm-1', disposition: 'accepted' }),
      (record) => `Received ${record.messageId}: ${record.disposition}`,
    );
    expect(feedback.status).toBe('Received m-1: accepted');
    feedback.run(() => 1);
    expect(feedback.status).toBe('');
  });

  test('a lead-in names what failed before the reason', () => {
    const feedback = new ActionFeedback();
    feedback.run(
      () => {
        throw new Error('This is not a saved SES simulator state.');
      },
      'Imported.',
      { failure: 'state.json could not be imported' },
    );
    expect(feedback.error).toBe(
      'state.json could not be imported: This is not a saved SES simulator state.',
    );
  });

  test("SES's own error text reaches the page unchanged", async () => {
    const store = new SesStore({ factory: new IDBFactory(), autoRefresh: false });
    await store.load();
    const feedback = new ActionFeedback(describeError);
    expect(feedback.run(() => store.verifyIdentity('not an identity'), 'Verified.')).toBe(false);
    expect(feedback.error).toBe(
      'BadRequestException (v1 InvalidParameterValue): Invalid email address<not an identity>.',
    );
    expect(feedback.run(() => store.verifyIdentity('example.com'), 'Verified.')).toBe(true);
    expect([feedback.status, feedback.error]).toEqual(['Verified.', '']);
    store.dispose();
  });

  test('a throw that is not an Error still gives a sentence, even with an SES describer', () => {
    for (const feedback of [new ActionFeedback(), new ActionFeedback(describeError)]) {
      failWith(feedback, 'The file is empty.');
      expect(feedback.error).toBe('The file is empty.');
      failWith(feedback, { message: 'Storage is full.' });
      expect(feedback.error).toBe('Storage is full.');
      failWith(feedback, 404);
      expect(feedback.error).toBe('The action failed (404).');
      for (const nothing of [{}, undefined, null, '', Object.create(null)]) {
        failWith(feedback, nothing);
        expect(feedback.error).toBe(UNEXPLAINED_FAILURE);
      }
      failWith(feedback, new TypeError(''));
      expect(feedback.error).toBe('The action failed (TypeError).');
    }
  });

  propTest.prop([fc.anything()])('whatever is thrown, the error is readable text', (thrown) => {
    const feedback = new ActionFeedback();
    expect(failWith(feedback, thrown)).toBe(false);
    expect(feedback.error.trim()).not.toBe('');
    expect(feedback.error).not.toContain('[object ');
    expect(feedback.status).toBe('');
  });

  propTest.prop([fc.string({ minLength: 1 }).filter((s) => s.trim() !== '')])(
    "an Error's message is shown exactly as written",
    (message) => {
      expect(describeFailure(new Error(message))).toBe(message);
    },
  );

  test('an asynchronous action is pending until it settles, and a rejection becomes the error', async () => {
    const feedback = new ActionFeedback();
    let finish: (value: string) => void = () => undefined;
    const running = feedback.runAsync(
      () => new Promise<string>((resolve) => (finish = resolve)),
      (id) => `Received ${id}.`,
    );
    expect(feedback.pending).toBe(true);
    finish('m-2');
    expect(await running).toBe(true);
    expect([feedback.pending, feedback.status, feedback.error]).toEqual([
      false,
      'Received m-2.',
      '',
    ]);

    const failed = await feedback.runAsync(() => Promise.reject(new Error('No recipients.')));
    expect(failed).toBe(false);
    expect([feedback.pending, feedback.status, feedback.error]).toEqual([
      false,
      '',
      'No recipients.',
    ]);
  });

  test('giving run an asynchronous action is a mistake it names', () => {
    const feedback = new ActionFeedback();
    expect(() => feedback.run(() => Promise.resolve(1), 'Done.')).toThrow(RangeError);
    expect(feedback.status).toBe('');
  });
});
