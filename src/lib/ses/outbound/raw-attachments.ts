/**
 * The file names of a raw message's parts, found by the inspector's structural scan (which maps
 * parts without decoding bodies), so that a synchronous send can refuse attachment types SES
 * does not send, as the full inspection does.
 */
import { DiagnosticLog } from '../../mime/inspect-diagnostics.ts';
import { scanStructure, type ScannedPart } from '../../mime/structure-scan.ts';

/** Every file name a part of the message gives, as the inspector reads it (`ContentFields.filename`). */
export function rawAttachmentNames(raw: Uint8Array): string[] {
  const names: string[] = [];
  const visit = (part: ScannedPart) => {
    const name = part.fields.filename;
    if (name !== undefined && name.length > 0) names.push(name);
    for (const child of part.children) visit(child);
  };
  visit(scanStructure(raw, new DiagnosticLog()));
  return names;
}
