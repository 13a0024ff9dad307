/** A simulator state with DKIM keys already made, shared by the identity tests (keys are slow). */
import { createSesSimulator, type SesSimulator } from '../../../../src/lib/ses/index.ts';
import { T0 } from '../support.ts';

let prepared: unknown;

/** A simulator on a movable clock at T0, production access on, with DKIM keys ready. */
export async function keyedSimulator(): Promise<SesSimulator> {
  if (prepared === undefined) {
    const ses = createSesSimulator({ now: () => new Date(T0), seed: 11, sandbox: false });
    await ses.prepareDkimKeys();
    prepared = ses.exportState();
  }
  return createSesSimulator({ now: () => new Date(T0), state: structuredClone(prepared) });
}

/** Publish every record SES asks for an identity. */
export function publishAll(ses: SesSimulator, identity: string): void {
  for (const record of ses.requiredDnsRecords(identity)) {
    ses.putDnsRecord({ name: record.name, type: record.type, value: record.value });
  }
}

/** A TXT resolver over the simulator's DNS, as a table for dkimpy too. */
export function dnsTable(ses: SesSimulator, names: readonly string[]): Record<string, string> {
  const table: Record<string, string> = {};
  for (const name of names) {
    const records = ses.resolveTxt(name);
    if (records?.[0] !== undefined) table[name] = records[0];
  }
  return table;
}
