/**
 * The route and authentication section of an inspection: Received hops, Authentication-Results
 * verdicts, DKIM-Signature summaries and DMARC alignment, gathered from the top-level headers.
 */
import { summarizeAuthentication } from './authentication-results.ts';
import { summarizeDkimSignature } from './dkim-signature.ts';
import { domainOf, workOutAlignment } from './dmarc-alignment.ts';
import type { DecodedHeader } from './inspect-headers.ts';
import { readAddresses } from './inspect-headers.ts';
import { readRoute } from './received.ts';
import type { Inspection } from './types.ts';
import { headerValues } from './header-lookup.ts';

type RouteSection = Pick<Inspection, 'route' | 'authentication' | 'dkim' | 'alignment'>;

/** Gather the route and authentication section; fields with nothing to say are left out. */
export function readRouteSection(headers: readonly DecodedHeader[]): RouteSection {
  const section: RouteSection = {};
  const received = headerValues(headers, 'received');
  if (received.length > 0) section.route = readRoute(received);
  const results = headerValues(headers, 'authentication-results');
  const authentication = results.length > 0 ? summarizeAuthentication(results) : undefined;
  if (authentication) section.authentication = authentication;
  const signatures = headerValues(headers, 'dkim-signature').map(summarizeDkimSignature);
  if (signatures.length > 0) section.dkim = signatures;

  const fromAddress = readAddresses(headerValues(headers, 'from')[0])[0];
  if (!fromAddress) return section;
  const returnPath = readAddresses(headerValues(headers, 'return-path')[0])[0];
  const spf = authentication?.spf;
  const mailFrom =
    returnPath ?? spf?.properties['smtp.mailfrom'] ?? spf?.properties['smtp.mail'] ?? undefined;
  // A DKIM verdict belongs to the signature whose d= it names (header.d, or header.i's domain).
  const dkim = signatures
    .filter((s) => s.domain)
    .map((s) => {
      const verdict = authentication?.dkim.find((r) => {
        const d = r.properties['header.d'] ?? domainOf(r.properties['header.i']);
        return d?.toLowerCase() === s.domain;
      });
      return verdict ? { domain: s.domain!, result: verdict.result } : { domain: s.domain! };
    });
  section.alignment = workOutAlignment({
    fromAddress,
    ...(mailFrom ? { mailFrom } : {}),
    ...(spf ? { spfResult: spf.result } : {}),
    dkim,
  });
  return section;
}
