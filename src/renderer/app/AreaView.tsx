// Runs in: renderer. Owns: choosing the screen for the open area.
import type { Area } from '../state/nav-store';
import { StoresPage } from '../areas/stores/StoresPage';
import { UpcomingArea } from '../areas/placeholders/UpcomingArea';

export function AreaView({ area }: { area: Area }) {
  switch (area) {
    case 'stores':
      return <StoresPage />;
    default:
      return <UpcomingArea area={area} />;
  }
}
