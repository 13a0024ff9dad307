/**
 * Inspect's DKIM check: every DKIM-Signature verified with no network (keys from the
 * simulator's DNS or from TXT records the person pasted), DMARC alignment worked out from what
 * was verified rather than from what a receiver reported, and the ARC chain listed.
 */
import { workOutAlignment, type DmarcAlignment } from '../dmarc-alignment.ts';
import { readArcChain, type ArcChain } from './arc.ts';
import { readDkimMessage } from './message-text.ts';
import { verifyDkimMessage, type DkimVerification, type TxtResolver } from './verify.ts';

/** Where keys come from. */
export interface DkimCheckOptions {
  /** A DNS to ask, such as the simulator's `resolveTxt`. */
  resolveTxt?: TxtResolver;
  /** Key records the person pasted, by name (`selector._domainkey.domain`). Asked first. */
  pastedRecords?: Readonly<Record<string, string>>;
}

/** The result of checking a message. */
export interface DkimCheck {
  signatures: DkimVerification[];
  /** Alignment of From with the Return-Path and with each signature's d=, using verified results. */
  alignment: DmarcAlignment;
  arc: ArcChain;
}

/** Check a message's DKIM signatures, alignment and ARC chain. */
export function checkDkim(raw: Uint8Array, options: DkimCheckOptions = {}): DkimCheck {
  const message = readDkimMessage(raw);
  const pasted = new Map(
    Object.entries(options.pastedRecords ?? {}).map(([name, text]) => [
      name.toLowerCase().replace(/\.$/, ''),
      text,
    ]),
  );
  const resolver: TxtResolver | undefined =
    pasted.size > 0 || options.resolveTxt
      ? (name) => {
          const own = pasted.get(name.toLowerCase());
          return own !== undefined ? [own] : options.resolveTxt?.(name);
        }
      : undefined;
  const signatures = verifyDkimMessage(message, resolver);
  const header = (name: string) =>
    message.fields
      .find((f) => f.name.toLowerCase() === name)
      ?.text.replace(/^[^:]*:/, '')
      .trim();
  const from = header('from');
  const returnPath = header('return-path');
  const alignment = workOutAlignment({
    ...(from ? { fromAddress: from } : {}),
    ...(returnPath ? { mailFrom: returnPath } : {}),
    dkim: signatures.flatMap((s) =>
      s.signature ? [{ domain: s.signature.domain, result: s.result }] : [],
    ),
  });
  return { signatures, alignment, arc: readArcChain(message) };
}
