/**
 * buildMessage against nodemailer's MailComposer on the same drafts: the 2 MB message and a tiny
 * one. Also counts Python `email` defects in both outputs of the 2 MB message.
 */
import MailComposer from 'nodemailer/lib/mail-composer';
import { parseWithPython, hasPython } from '../tests/support/python-email.ts';
import { buildMessage, type Draft } from '../src/lib/mime/index.ts';
import type { Suite } from './harness.ts';
import { largeDraft, tinyDraft } from './workload.ts';

const now = new Date(Date.UTC(2026, 10, 27, 12, 0, 0));

/** The same draft in MailComposer's terms. */
function composerOptions(draft: Draft) {
  return {
    from: draft.from,
    to: draft.to,
    cc: draft.cc,
    subject: draft.subject,
    text: draft.text,
    html: draft.html,
    date: now,
    headers: Object.fromEntries((draft.headers ?? []).map((h) => [h.name, h.value])),
    attachments: (draft.attachments ?? []).map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: Buffer.from(a.content.buffer, a.content.byteOffset, a.content.byteLength),
      ...(a.contentId ? { cid: a.contentId } : {}),
    })),
  };
}

function compose(draft: Draft): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    new MailComposer(composerOptions(draft))
      .compile()
      .build((error, message) => (error ? reject(error) : resolve(message)));
  });
}

const large = largeDraft();
const tiny = tinyDraft();

/** The builder suite: the 2 MB and the tiny message, with Python defect counts as notes. */
export const buildSuite: Suite = {
  name: 'build',
  comparisons: () => [
    {
      name: '2 MB message',
      metric: 'ms',
      engine: { label: 'buildMessage', run: () => buildMessage(large, { now }) },
      peers: [{ label: 'MailComposer', run: () => compose(large) }],
      goal: 3,
    },
    {
      name: 'tiny ASCII message',
      metric: 'runs/s',
      engine: { label: 'buildMessage', run: () => buildMessage(tiny, { now }) },
      peers: [{ label: 'MailComposer', run: () => compose(tiny) }],
      goal: 10,
    },
  ],
  notes: async () => {
    if (!hasPython()) return ['python3 not found; defects not counted.'];
    const engine = buildMessage(large, { now }).raw;
    const composer = await compose(large);
    const [ours, theirs] = parseWithPython([engine, new Uint8Array(composer)]);
    const size = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(2)} MiB`;
    return [
      `Python email defects in the 2 MB message: buildMessage ${ours!.defects.length} (${size(engine.length)}), MailComposer ${theirs!.defects.length} (${size(composer.length)})` +
        (theirs!.defects.length
          ? ` — ${[...new Set(theirs!.defects.map((d) => d.message))].join('; ')}`
          : ''),
    ];
  },
};
