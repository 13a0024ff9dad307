import { describe, expect, it } from 'vitest';
import { sesConsequence } from '../../../src/lib/inspect-view/ses-consequence.ts';
import { formatRate } from '../../../src/lib/format/rate.ts';
import {
  BOUNCE_PAUSE_RATE,
  BOUNCE_REVIEW_RATE,
  COMPLAINT_PAUSE_RATE,
  COMPLAINT_REVIEW_RATE,
} from '../../../src/lib/ses/index.ts';

const bounce = (bounceType: 'Permanent' | 'Transient' | 'Undetermined', bounceSubType: string) =>
  sesConsequence({ kind: 'bounce', bounceType, bounceSubType, recipients: [] }).join(' ');

describe('sesConsequence', () => {
  it('suppresses and counts a hard bounce, without retrying it', () => {
    const text = bounce('Permanent', 'NoEmail');
    expect(text).toMatch(/does not retry/);
    expect(text).toMatch(/reason BOUNCE/);
    expect(text).toMatch(/bounce rate/);
  });

  it('gives the review and pause rates the simulator enforces', () => {
    const hard = bounce('Permanent', 'NoEmail');
    expect(hard).toContain(
      `under review at ${formatRate(BOUNCE_REVIEW_RATE)}, sending may be paused at ${formatRate(BOUNCE_PAUSE_RATE)}`,
    );
    const complaint = sesConsequence({ kind: 'complaint', complainedRecipients: [] }).join(' ');
    expect(complaint).toContain(
      `under review at ${formatRate(COMPLAINT_REVIEW_RATE)}, sending may be paused at ${formatRate(COMPLAINT_PAUSE_RATE)}`,
    );
  });

  it('does not count a bounce from the account suppression list', () => {
    expect(bounce('Permanent', 'OnAccountSuppressionList')).toMatch(/does not count/);
  });

  it('retries a soft bounce and never suppresses it', () => {
    const text = bounce('Transient', 'MailboxFull');
    expect(text).toMatch(/retrying/);
    expect(text).toMatch(/not suppressed/);
    // The retry window a configuration set may set, from the simulator's own bounds.
    expect(text).toMatch(/between 5 min and 14 h\b/);
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
