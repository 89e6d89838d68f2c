// Runs in: renderer. Owns: choosing the screen for the open area.
import type { Area } from '../state/nav-store';
import { StoresPage } from '../areas/stores/StoresPage';
import { DashboardPage } from '../areas/dashboard/DashboardPage';
import { ConnectionsPage } from '../areas/connections/ConnectionsPage';
import { EventsPage } from '../areas/events/EventsPage';
import { ExportPage } from '../areas/export/ExportPage';
import { MappingPage } from '../areas/mapping/MappingPage';
import { ConsentPage } from '../areas/consent/ConsentPage';
import { PrivacyPage } from '../areas/privacy/PrivacyPage';
import { DiagnosticsPage } from '../areas/diagnostics/DiagnosticsPage';

export function AreaView({ area }: { area: Area }) {
  switch (area) {
    case 'dashboard':
      return <DashboardPage />;
    case 'stores':
      return <StoresPage />;
    case 'connections':
      return <ConnectionsPage />;
    case 'events':
      return <EventsPage />;
    case 'export':
      return <ExportPage />;
    case 'mapping':
      return <MappingPage />;
    case 'consent':
      return <ConsentPage />;
    case 'privacy':
      return <PrivacyPage />;
    case 'diagnostics':
      return <DiagnosticsPage />;
  }
}
