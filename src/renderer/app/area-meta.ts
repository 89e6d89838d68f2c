// Runs in: renderer. Owns: each area's label, icon and what its empty state tells a new user.
import {
  IconBuildingStore,
  IconLayoutDashboard,
  IconFileExport,
  IconLock,
  IconPlugConnected,
  IconListDetails,
  IconShieldCheck,
  IconStethoscope,
  IconArrowsExchange,
  type Icon,
} from '@tabler/icons-react';
import type { Area } from '../state/nav-store';

export interface AreaMeta {
  label: string;
  icon: Icon;
  /** What the area is for, in one sentence a new user understands. */
  purpose: string;
}

export const areaMeta: Record<Area, AreaMeta> = {
  dashboard: {
    label: 'Dashboard',
    icon: IconLayoutDashboard,
    purpose: 'Every store and platform at a glance: health, last sync, queue and dead letters.',
  },
  stores: {
    label: 'Stores',
    icon: IconBuildingStore,
    purpose: 'The BigCommerce stores this workspace reads from.',
  },
  connections: {
    label: 'Connections',
    icon: IconPlugConnected,
    purpose:
      'Route a store (or some of its channels and currencies) to a marketing platform account and keep it in sync.',
  },
  mapping: {
    label: 'Field mapping',
    icon: IconArrowsExchange,
    purpose: 'Choose which BigCommerce field fills which platform field, with transforms and a live preview.',
  },
  consent: {
    label: 'Consent',
    icon: IconShieldCheck,
    purpose: "Look up a person's consent everywhere, find mismatches across a store and reconcile them.",
  },
  privacy: {
    label: 'Privacy',
    icon: IconLock,
    purpose: 'Erase or export a person everywhere (GDPR requests), with a receipt per system.',
  },
  export: {
    label: 'Export',
    icon: IconFileExport,
    purpose: 'Send history to a platform (historical sync) or to CSV/NDJSON files, with an estimate first.',
  },
  events: {
    label: 'Event log',
    icon: IconListDetails,
    purpose: 'Every page read, batch sent and record that failed, live, with a timeline per person or order.',
  },
  diagnostics: {
    label: 'Diagnostics',
    icon: IconStethoscope,
    purpose: 'A support bundle with secrets removed and personal data masked, previewed before saving.',
  },
};
