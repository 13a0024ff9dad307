/**
 * The tabs of Inspect's result pane, in order. Adding a tab is one entry here: its id, its
 * label (the tab's accessible name) and the component it shows, which reads the inspector
 * from context.
 */
import type { Component } from 'svelte';
import OverviewPanel from './OverviewPanel.svelte';
import HeadersPanel from './HeadersPanel.svelte';
import RoutePanel from './RoutePanel.svelte';
import StructurePanel from './StructurePanel.svelte';
import BodiesPanel from './BodiesPanel.svelte';
import AttachmentsPanel from './AttachmentsPanel.svelte';
import DiagnosticsPanel from './DiagnosticsPanel.svelte';

/** One tab of the result pane. */
export interface InspectTab {
  id: string;
  label: string;
  panel: Component;
}

export const INSPECT_TABS: readonly InspectTab[] = [
  { id: 'summary', label: 'Summary', panel: OverviewPanel },
  { id: 'headers', label: 'Headers', panel: HeadersPanel },
  { id: 'route', label: 'Route', panel: RoutePanel },
  { id: 'structure', label: 'Structure', panel: StructurePanel },
  { id: 'bodies', label: 'Bodies', panel: BodiesPanel },
  { id: 'attachments', label: 'Attachments', panel: AttachmentsPanel },
  { id: 'diagnostics', label: 'Diagnostics', panel: DiagnosticsPanel },
];
