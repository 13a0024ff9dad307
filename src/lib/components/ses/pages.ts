/**
 * The SES workspace's pages, one per area of the account as in the SES console, in the order of
 * the navigation rail. The rail and the page are drawn from this list: a new page (or a new panel
 * on a page) is one entry here.
 */
import type { Component } from 'svelte';
import AccountPanel from './AccountPanel.svelte';
import ConfigurationSetsPanel from './ConfigurationSetsPanel.svelte';
import ContactListsPanel from './ContactListsPanel.svelte';
import UnsubscribePanel from './UnsubscribePanel.svelte';
import DnsRecordsPanel from './DnsRecordsPanel.svelte';
import EmailIdentitiesPanel from './EmailIdentitiesPanel.svelte';
import FeedbackEmailsPanel from './FeedbackEmailsPanel.svelte';
import IdentitiesPanel from './IdentitiesPanel.svelte';
import InboundPanel from './InboundPanel.svelte';
import NotificationsPanel from './NotificationsPanel.svelte';
import OutcomeRulesPanel from './OutcomeRulesPanel.svelte';
import ReputationPanel from './ReputationPanel.svelte';
import SentMessagesPanel from './SentMessagesPanel.svelte';
import StateFile from './StateFile.svelte';
import SuppressionPanel from './SuppressionPanel.svelte';
import TemplatesPanel from './TemplatesPanel.svelte';

/** One page of the workspace. */
export interface SesPage {
  /** Stable id, for links from elsewhere (`sesNavigation.open(id)`). */
  id: string;
  /** The rail's label and the page's heading. */
  label: string;
  /** The panels the page shows, top to bottom. */
  panels: Component[];
}

/** Every page, in rail order. */
export const SES_PAGES: readonly SesPage[] = [
  { id: 'account', label: 'Account', panels: [AccountPanel, StateFile] },
  { id: 'identities', label: 'Identities', panels: [EmailIdentitiesPanel, IdentitiesPanel] },
  { id: 'dns', label: 'DNS records', panels: [DnsRecordsPanel] },
  { id: 'sending', label: 'Sending activity', panels: [SentMessagesPanel, OutcomeRulesPanel] },
  {
    id: 'notifications',
    label: 'Notifications',
    panels: [NotificationsPanel, FeedbackEmailsPanel],
  },
  { id: 'suppression', label: 'Suppression list', panels: [SuppressionPanel] },
  { id: 'contact-lists', label: 'Contact lists', panels: [ContactListsPanel, UnsubscribePanel] },
  { id: 'reputation', label: 'Reputation', panels: [ReputationPanel] },
  { id: 'receiving', label: 'Receiving', panels: [InboundPanel] },
  { id: 'configuration-sets', label: 'Configuration sets', panels: [ConfigurationSetsPanel] },
  { id: 'templates', label: 'Templates', panels: [TemplatesPanel] },
];
