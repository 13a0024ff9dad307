/**
 * Which clients support a caniemail feature: the newest entry of each platform of each family,
 * read as caniemail marks it (`y` yes, `a` partly, `n` no, `u` unknown, `#n` a note).
 */
import type { CaniemailData, CompatFeature } from './compat-data.ts';

/** The client families checked unless the person picks others. */
export const DEFAULT_CLIENTS: readonly string[] = ['gmail', 'outlook', 'apple-mail', 'yahoo'];

/** How a feature fares in the chosen clients. */
export interface FeatureSupport {
  /** Clients (family and platform) that do not support it. */
  unsupported: string[];
  /** Clients that support it only partly, with caniemail's note when it has one. */
  partial: string[];
  notes: string[];
}

/** A client's name as caniemail writes it, e.g. `Outlook Windows`. */
export function clientLabel(data: CaniemailData, family: string, platform: string): string {
  const familyName = data.nicenames.family[family] ?? family;
  const platformName = data.nicenames.platform[platform] ?? platform;
  return `${familyName} ${platformName}`;
}

/** Support of `feature` in the given client families. */
export function featureSupport(
  data: CaniemailData,
  feature: CompatFeature,
  families: readonly string[],
): FeatureSupport {
  const support: FeatureSupport = { unsupported: [], partial: [], notes: [] };
  for (const family of families) {
    const platforms = feature.stats[family];
    if (!platforms) continue;
    for (const [platform, versions] of Object.entries(platforms)) {
      const entries = Object.values(versions);
      const newest = entries[entries.length - 1];
      if (!newest) continue;
      const label = clientLabel(data, family, platform);
      const [mark = '', ...noteRefs] = newest.trim().split(/\s+/);
      if (mark === 'n') support.unsupported.push(label);
      else if (mark === 'a') support.partial.push(label);
      else continue;
      for (const ref of noteRefs) {
        const note = feature.notes_by_num?.[ref.replace('#', '')];
        if (note && !support.notes.includes(note)) support.notes.push(note);
      }
    }
  }
  return support;
}
