/**
 * What SES would refuse, or a reader would regret, in a built message. Each finding has a stable
 * code; the limits are SES's (ses-facts.md §2).
 */
import { addressProblem, type Mailbox } from './address.ts';
import type { Diagnostic, DraftAttachment, Envelope } from './types.ts';

/** SES: at most 50 recipients per message across To, Cc and Bcc (ses-facts.md §2.2). */
export const SES_MAX_RECIPIENTS = 50;
/** SES v1 API: 10 MB per message after encoding (ses-facts.md §2.1); taken as 10 × 2^20 bytes. */
export const SES_V1_MAX_MESSAGE_BYTES = 10 * 1024 * 1024;
/** SES v2 API and SMTP: 40 MB per message after encoding (ses-facts.md §2.1). */
export const SES_V2_MAX_MESSAGE_BYTES = 40 * 1024 * 1024;

/**
 * The size SES measures against its limits for a message of `rawBytes` bytes: the message after
 * base64 encoding, as the API carries it (ses-facts.md §2.1), so about 4/3 of the raw size.
 */
export function sesEncodedSize(rawBytes: number): number {
  return Math.ceil(rawBytes / 3) * 4;
}

/**
 * File name extensions SES refuses as attachments, lower-case, without the dot (ses-facts.md §2.5,
 * "Unsupported attachment types"; the page says 85 but lists these 90).
 */
export const BLOCKED_ATTACHMENT_EXTENSIONS: ReadonlySet<string> = new Set(
  (
    'ade adp app asp bas bat cer chm cmd com cpl crt csh der exe fxp gadget hlp hta inf ins isp ' +
    'its js jse ksh lib lnk mad maf mag mam maq mar mas mat mau mav maw mda mdb mde mdt mdw mdz ' +
    'msc msh msh1 msh2 mshxml msh1xml msh2xml msi msp mst ops pcd pif plg prf prg reg scf scr sct ' +
    'shb shs sys ps1 ps1xml ps2 ps2xml psc1 psc2 tmp url vb vbe vbs vps vsmacros vss vst vsw vxd ' +
    'ws wsc wsf wsh xnk'
  ).split(' '),
);

/** Whether SES refuses an attachment with this file name (by its last extension, any case). */
export function isBlockedAttachment(fileName: string): boolean {
  const dot = fileName.lastIndexOf('.');
  if (dot < 0) return false;
  return BLOCKED_ATTACHMENT_EXTENSIONS.has(
    fileName
      .slice(dot + 1)
      .trim()
      .toLowerCase(),
  );
}

/** An error or warning for every mailbox of a field that SES could not send to. */
export function addressDiagnostics(field: string, mailboxes: readonly Mailbox[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const mailbox of mailboxes) {
    const problem = addressProblem(mailbox.address);
    if (!problem) continue;
    const shown = mailbox.address || mailbox.name;
    out.push({
      severity: 'error',
      code: problem.includes('SMTPUTF8') ? 'non-ascii-address' : 'invalid-address',
      message: `${field}: "${shown}" cannot be used: ${problem}.`,
    });
  }
  return out;
}

/** Recipient count against SES's limits. */
export function recipientDiagnostics(envelope: Envelope): Diagnostic[] {
  if (envelope.rcptTo.length === 0) {
    return [
      {
        severity: 'error',
        code: 'no-recipients',
        message: 'There are no recipients specified; add a To, Cc or Bcc address.',
      },
    ];
  }
  if (envelope.rcptTo.length > SES_MAX_RECIPIENTS) {
    return [
      {
        severity: 'error',
        code: 'recipients-over-limit',
        message: `The message has ${envelope.rcptTo.length} recipients; SES refuses more than ${SES_MAX_RECIPIENTS} ("Recipient count exceeds 50.").`,
      },
    ];
  }
  return [];
}

/**
 * Message size against the SES v1 and v2 limits. `size` is the raw message; SES counts it after
 * base64 encoding, so that is the size compared and reported.
 */
export function sizeDiagnostics(size: number): Diagnostic[] {
  const encoded = sesEncodedSize(size);
  const mb = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);
  const measured = `The message is ${mb(size)} MB, ${mb(encoded)} MB once base64-encoded, which is the size SES counts`;
  if (encoded > SES_V2_MAX_MESSAGE_BYTES) {
    return [
      {
        severity: 'error',
        code: 'message-too-large',
        from: 0,
        to: size,
        message: `${measured}; SES accepts at most 40 MB, even through the v2 API or SMTP.`,
      },
    ];
  }
  if (encoded > SES_V1_MAX_MESSAGE_BYTES) {
    return [
      {
        severity: 'warning',
        code: 'message-over-v1-limit',
        from: 0,
        to: size,
        message: `${measured}; SES v1 SendRawEmail refuses over 10 MB (the v2 API and SMTP accept up to 40 MB).`,
      },
    ];
  }
  return [];
}

/** Findings about bodies and attachments that do not depend on the bytes written. */
export function contentDiagnostics(draft: {
  text?: string;
  html?: string;
  subject?: string;
  attachments?: readonly DraftAttachment[];
}): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (draft.html !== undefined && draft.text === undefined) {
    out.push({
      severity: 'warning',
      code: 'html-without-text',
      message:
        'The message has HTML but no plain-text alternative; some readers show nothing and spam filters score it higher.',
    });
  }
  if (!draft.subject?.trim()) {
    out.push({
      severity: 'warning',
      code: 'missing-subject',
      message: 'The message has no subject.',
    });
  }
  for (const attachment of draft.attachments ?? []) {
    if (isBlockedAttachment(attachment.filename)) {
      const extension = attachment.filename.slice(attachment.filename.lastIndexOf('.') + 1).trim();
      out.push({
        severity: 'error',
        code: 'blocked-attachment-type',
        message: `SES refuses attachments of type .${extension.toLowerCase()} ("${attachment.filename}").`,
      });
    }
    if (attachment.inline && draft.html === undefined) {
      out.push({
        severity: 'info',
        code: 'inline-without-html',
        message: `"${attachment.filename}" is marked inline but there is no HTML body to show it; it is sent as an ordinary part.`,
      });
    }
  }
  return out;
}
