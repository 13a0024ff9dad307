import { describe, expect, it } from 'vitest';
import { sesConsequence } from '../../../src/lib/inspect-view/ses-consequence.ts';

const bounce = (bounceType: 'Permanent' | 'Transient' | 'Undetermined', bounceSubType: string) =>
  sesConsequence({ kind: 'bounce', bounceType, bounceSubType, recipients: [] }).join(' ');

describe('sesConsequence', () => {
  it('suppresses and counts a hard bounce, without retrying it', () => {
    const text = bounce('Permanent', 'NoEmail');
    expect(text).toMatch(/does not retry/);
    expect(text).toMatch(/reason BOUNCE/);
    expect(text).toMatch(/bounce rate/);
  });

  it('does not count a bounce from the account suppression list', () => {
    expect(bounce('Permanent', 'OnAccountSuppressionList')).toMatch(/does not count/);
  });

  it('retries a soft bounce and never suppresses it', () => {
    const text = bounce('Transient', 'MailboxFull');
    expect(text).toMatch(/retrying/);
    expect(text).toMatch(/not suppressed/);
  });

  it('suppresses complainers with reason COMPLAINT', () => {
    const text = sesConsequence({ kind: 'complaint', complainedRecipients: ['a@b.example'] }).join(
      ' ',
    );
    expect(text).toMatch(/reason COMPLAINT/);
    expect(text).toMatch(/complaint rate/);
  });

  it('leaves an undetermined bounce unsuppressed', () => {
    expect(bounce('Undetermined', 'Undetermined')).toMatch(/does not suppress/);
  });
});
