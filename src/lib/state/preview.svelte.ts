/**
 * The view settings of one HTML preview: width, colour scheme, inversion, plain-text view, and
 * the one message whose remote content the person chose to load.
 */
import type { ColorScheme } from '../html/index.ts';

/** The preview widths a person can pick. */
export type PreviewWidth = 'phone' | 'tablet' | 'desktop' | 'free';

/** Viewport widths in CSS pixels: a common phone and a portrait tablet. */
export const PREVIEW_WIDTH_PX = { phone: 375, tablet: 768 } as const;

/** Smallest and default width of the freely resizable preview. */
export const FREE_WIDTH_MIN_PX = 240;
export const FREE_WIDTH_DEFAULT_PX = 600;

/** Settings of one preview; each preview component holds its own. */
export class PreviewSettings {
  width = $state<PreviewWidth>('desktop');
  freeWidth = $state(FREE_WIDTH_DEFAULT_PX);
  colorScheme = $state<ColorScheme>('light');
  invert = $state(false);
  showText = $state(false);
  #remoteAllowed = $state.raw<{ key: string; urls: readonly string[] } | null>(null);

  /**
   * Loads remote content for this message only, and only the remote URLs the person was shown:
   * any other message, or this one with other remote content, stays blocked.
   */
  allowRemote(messageKey: string, urls: readonly string[]): void {
    this.#remoteAllowed = { key: messageKey, urls: [...urls] };
  }

  /** The remote URLs the person allowed for this message, or false. */
  remotePermission(messageKey: string): readonly string[] | false {
    const allowed = this.#remoteAllowed;
    return allowed !== null && allowed.key === messageKey ? allowed.urls : false;
  }

  /** Takes the permission back (the message or its remote content changed). */
  revokeRemote(): void {
    this.#remoteAllowed = null;
  }

  /** The frame's width in CSS pixels, or null when it fills the space (desktop). */
  get widthPx(): number | null {
    if (this.width === 'desktop') return null;
    if (this.width === 'free') return Math.max(FREE_WIDTH_MIN_PX, Math.round(this.freeWidth));
    return PREVIEW_WIDTH_PX[this.width];
  }
}
