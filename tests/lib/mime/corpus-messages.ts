/**
 * Which corpus files are messages. Everything else is named with the reason it is skipped, so
 * the corpus tests can say what they left out.
 */
import { listCorpus } from '../../support/corpus.ts';

/** Why a corpus file is not a message, or `undefined` when it is one. */
export function whyNotAMessage(path: string): string | undefined {
  const name = path.split('/').pop()!;
  if (/^(LICENSE|NOTICE|README|COPYING|ARTISTIC-LICENSE)|\.source$|\.md$/.test(name)) {
    return 'licence or documentation';
  }
  if (name.startsWith('.')) return 'repository metadata';
  if (path.includes('/_extracted/')) return 'codec vectors (JSON), tested by the codec tests';
  if (/^(h5sc|dompurify|payloadbox-xss-payload-list)\//.test(path)) {
    return 'HTML sanitizer vectors, not mail';
  }
  if (/\.json$/.test(name)) return "expected results (stalwart's parses, header vectors)";
  if (/\.xml$/.test(name)) return "expected trees (mime4j's structure dumps)";
  if (/\.out$/.test(name)) return "mime4j's re-serialised output of a message beside it";
  if (/_decoded_[\d_]+\.(txt|bin)$/.test(name) || /\.bin$/.test(name)) {
    return "mime4j's decoded body payloads";
  }
  if (/^flanker\/tests\/fixtures\/[^/]+\.txt$/.test(path)) return 'address and URL lists';
  if (/^mimekit\/UnitTests\/TestData\/encoders\//.test(path))
    return 'encoder vectors (QP, base64, JPEG)';
  if (/^zbateson-mail-mime-parser\/tests\/_data\/headers\//.test(path)) return 'header vectors';
  return undefined;
}

/** Every message file in the corpus, and the skipped files with their reasons. */
export function corpusMessages(): { messages: string[]; skipped: Map<string, string[]> } {
  const messages: string[] = [];
  const skipped = new Map<string, string[]>();
  for (const path of listCorpus('.')) {
    const reason = whyNotAMessage(path);
    if (reason === undefined) messages.push(path);
    else skipped.set(reason, [...(skipped.get(reason) ?? []), path]);
  }
  return { messages, skipped };
}
