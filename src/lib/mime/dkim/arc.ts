/**
 * ARC sets (RFC 8617) listed and their structure checked: each instance `i=` from 1 up has
 * exactly one ARC-Seal, ARC-Message-Signature and ARC-Authentication-Results; the first seal
 * says `cv=none` and the later ones `cv=pass`, or the chain has failed. Each message signature's
 * body hash is checked; the seals' and signatures' cryptography is not (that needs the keys).
 */
import { bodyHash } from './sign.ts';
import type { DkimMessage } from './message-text.ts';
import { compactBase64, parseTagList } from './tags.ts';
import type { Canonicalization } from './canonicalize.ts';

/** Most ARC sets a message may carry (RFC 8617 §4.2.1). */
export const MAX_ARC_INSTANCES = 50;

/** One ARC set. */
export interface ArcSet {
  instance: number;
  /** `cv=` of the ARC-Seal: none, pass or fail. */
  chainValidation?: string;
  sealDomain?: string;
  signatureDomain?: string;
  selector?: string;
  /** The Authentication-Results the sealer recorded (after `i=N;`). */
  authenticationResults?: string;
  /** Whether the body still hashes to the message signature's `bh=`. */
  bodyHashMatches?: boolean;
}

/** The ARC chain's structure. */
export interface ArcChain {
  sets: ArcSet[];
  /** `none` with no sets, `fail` for a broken structure or a seal saying so, else `pass`. */
  structure: 'none' | 'pass' | 'fail';
  problems: string[];
}

const ARC_HEADERS = ['arc-seal', 'arc-message-signature', 'arc-authentication-results'] as const;

function instanceOf(value: string): number | undefined {
  const match = /^\s*i\s*=\s*(\d{1,3})\s*(;|$)/.exec(value);
  return match ? Number(match[1]) : undefined;
}

/** List and check the ARC sets of a message. */
export function readArcChain(message: DkimMessage): ArcChain {
  const problems: string[] = [];
  const byInstance = new Map<number, Partial<Record<(typeof ARC_HEADERS)[number], string[]>>>();
  for (const field of message.fields) {
    const name = field.name.toLowerCase() as (typeof ARC_HEADERS)[number];
    if (!ARC_HEADERS.includes(name)) continue;
    const value = field.text.slice(field.text.indexOf(':') + 1);
    const instance = instanceOf(value);
    if (instance === undefined) {
      problems.push(`An ${field.name} header has no i= instance first.`);
      continue;
    }
    const set = byInstance.get(instance) ?? {};
    (set[name] ??= []).push(value);
    byInstance.set(instance, set);
  }
  if (byInstance.size === 0 && problems.length === 0)
    return { sets: [], structure: 'none', problems };
  const highest = Math.max(0, ...byInstance.keys());
  if (highest > MAX_ARC_INSTANCES)
    problems.push(`There are more than ${MAX_ARC_INSTANCES} ARC sets.`);
  const sets: ArcSet[] = [];
  for (let i = 1; i <= highest; i++) {
    const headers = byInstance.get(i);
    if (!headers) {
      problems.push(`ARC set ${i} is missing; instances must run from 1 without gaps.`);
      continue;
    }
    for (const name of ARC_HEADERS) {
      const count = headers[name]?.length ?? 0;
      if (count !== 1)
        problems.push(`ARC set ${i} has ${count} ${name} headers; it needs exactly one.`);
    }
    const set: ArcSet = { instance: i };
    const seal = headers['arc-seal']?.[0];
    if (seal) {
      const tags = parseTagList(seal);
      if (tags.ok) {
        set.chainValidation = tags.tags.get('cv')?.toLowerCase();
        set.sealDomain = tags.tags.get('d')?.toLowerCase();
        if (tags.tags.has('h'))
          problems.push(`ARC-Seal ${i} has an h= tag, which seals must not have.`);
      } else problems.push(`ARC-Seal ${i}: ${tags.reason}`);
      const expected = i === 1 ? 'none' : 'pass';
      if (set.chainValidation !== expected && set.chainValidation !== 'fail') {
        problems.push(
          `ARC-Seal ${i} says cv=${set.chainValidation ?? '(missing)'}; set ${i} should say cv=${expected}.`,
        );
      }
      if (set.chainValidation === 'fail')
        problems.push(`ARC-Seal ${i} records that the chain had already failed (cv=fail).`);
    }
    const signature = headers['arc-message-signature']?.[0];
    if (signature) {
      const tags = parseTagList(signature);
      if (tags.ok) {
        set.signatureDomain = tags.tags.get('d')?.toLowerCase();
        set.selector = tags.tags.get('s');
        const [, body = 'simple'] = (tags.tags.get('c') ?? 'simple/simple').split('/');
        const bh = tags.tags.get('bh');
        if (bh !== undefined && (body === 'simple' || body === 'relaxed')) {
          set.bodyHashMatches =
            bodyHash(message.body, body as Canonicalization) === compactBase64(bh);
        }
      } else problems.push(`ARC-Message-Signature ${i}: ${tags.reason}`);
    }
    const results = headers['arc-authentication-results']?.[0];
    if (results !== undefined)
      set.authenticationResults = results
        .replace(/^\s*i\s*=\s*\d+\s*;\s*/, '')
        .replace(/\s+/g, ' ')
        .trim();
    sets.push(set);
  }
  return { sets, structure: problems.length > 0 ? 'fail' : 'pass', problems };
}
