/**
 * Sample messages for Inspect's `Try a sample` menu, written for Mailwright (none is taken from
 * real mail): each shows a part of the workspace at its best. The bytes live in messages/ and are
 * kept exactly as written (see .gitattributes): the newsletter's DKIM signature covers them.
 * This module is loaded only when the menu is first opened.
 */
import sesBounce from './messages/ses-bounce.eml?raw';
import arfComplaint from './messages/arf-complaint.eml?raw';
import newsletter from './messages/newsletter-dkim.eml?raw';
import international from './messages/international-attachments.eml?raw';
import teamMbox from './messages/team.mbox?raw';

/** One sample: what the menu shows, and the file it opens as. */
export interface InspectSample {
  /** Stable, for tests and links. */
  id: string;
  title: string;
  /** One line on what the sample shows. */
  description: string;
  /** The name it opens under, as if the person had opened that file. */
  fileName: string;
  /** The message (or mbox) as text; every sample is 7-bit, so its bytes are its UTF-8. */
  text: string;
}

/** The DNS record that publishes the newsletter sample's DKIM key, for checking its signature. */
export const NEWSLETTER_DKIM_RECORD =
  'sample2026._domainkey.news.example.org. IN TXT "v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA5SL0sYhfc99OWxno46lPC9zwqCEvfn/twZhAwGkOYJotUOQ3PsA80py4DqPR16+qZaOc+TxRJtWgu4aIjoICYKOeNv6osJQ4OVzxLdDwrSLJaeO0UIWypkdUfPGGBpx2KZ6yaao4cPyjkvrnRtweX2A9MKdoxwb3WEsPzhZk+qfJLjqzVR60bqUHIQ+pkMjxXipPxfel7dbLGrUQHbFCpGAH7bO3a5HQHikz+unOBcDUZUxB1oJE4n1lnSvDx9W9WTdCBZPWBX3KPITUEiak35lMbwK13hBJGZrJEqpYle+4Iu8rdvqabr5E/YrYfa3xTZ/ZGol7A0HxEV36XibzcwIDAQAB"';

/** The samples, in the menu's order. */
export const INSPECT_SAMPLES: readonly InspectSample[] = [
  {
    id: 'ses-bounce',
    title: 'SES bounce',
    description:
      'A hard bounce from Amazon SES (RFC 3464), Action before Final-Recipient as SES writes it.',
    fileName: 'ses-bounce.eml',
    text: sesBounce,
  },
  {
    id: 'arf-complaint',
    title: 'ARF complaint',
    description:
      'A feedback-loop abuse report (RFC 5965) with the complained-about message inside.',
    fileName: 'arf-complaint.eml',
    text: arfComplaint,
  },
  {
    id: 'newsletter-dkim',
    title: 'DKIM-signed newsletter',
    description: `A newsletter with inline images and one-click unsubscribe, signed with DKIM; its key: ${NEWSLETTER_DKIM_RECORD}`,
    fileName: 'newsletter-dkim.eml',
    text: newsletter,
  },
  {
    id: 'international',
    title: 'Non-ASCII names and attachments',
    description:
      'Encoded-word names and subject, RFC 2231 file names in three scripts, text and HTML bodies.',
    fileName: 'international-attachments.eml',
    text: international,
  },
  {
    id: 'mbox',
    title: 'Small mbox',
    description: 'Four messages of a team mailbox, a hard and a soft bounce among them.',
    fileName: 'team.mbox',
    text: teamMbox,
  },
];
