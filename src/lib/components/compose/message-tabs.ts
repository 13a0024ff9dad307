/**
 * The tabs of Compose's assembled-message pane, in order. Each tab's panel is a component that
 * reads the composer from context, so adding a tab is one line here.
 */
import type { Component } from 'svelte';

/** A tab of the assembled-message pane. */
export interface MessageTab {
  id: string;
  label: string;
  /** The panel's component; loaded when the pane starts, or on first visit when `lazy`. */
  load: () => Promise<{ default: Component }>;
  /** Load and mount the panel only once the tab is first opened. */
  lazy?: boolean;
  /**
   * Mount the panel only while its tab is shown: for a panel that works out something on every
   * change of the draft and has nothing to keep while hidden.
   */
  whileShown?: boolean;
}

/** The assembled-message pane's tabs; names are part of the interface (SPEC). */
export const MESSAGE_TABS: readonly MessageTab[] = [
  { id: 'preview', label: 'Preview', load: () => import('./ComposePreview.svelte') },
  { id: 'raw', label: 'Raw', load: () => import('./RawMessage.svelte') },
  { id: 'mime', label: 'MIME', load: () => import('./MimeStructure.svelte') },
  { id: 'envelope', label: 'Envelope', load: () => import('./EnvelopeView.svelte') },
  {
    id: 'ses-request',
    label: 'SES request',
    load: () => import('./SesExports.svelte'),
    lazy: true,
  },
  {
    id: 'ses-template',
    label: 'SES template',
    load: () => import('./TemplateSendPanel.svelte'),
    lazy: true,
  },
  {
    id: 'diagnostics',
    label: 'Diagnostics',
    load: () => import('./ComposeDiagnostics.svelte'),
    // Its SES pre-flight makes the whole send request on every keystroke.
    whileShown: true,
  },
  {
    id: 'checks',
    label: 'Checks',
    load: () => import('../checks/ComposeChecks.svelte'),
    lazy: true,
  },
];
