// Runs in: vitest (pure). Owns: what an area shows before the workspace has a store: its title, the empty
// state's heading and description (a purpose, or that everything builds on a store), the one action.
import { MantineProvider } from '@mantine/core';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { NoStoreYet } from './NoStoreYet';

const render = (props: Parameters<typeof NoStoreYet>[0]) =>
  renderToStaticMarkup(createElement(MantineProvider, null, createElement(NoStoreYet, props)));

describe('NoStoreYet', () => {
  it("says what the area will do, under the area's own test id", () => {
    const html = render({
      testId: 'area-consent',
      title: 'Consent',
      icon: null,
      purpose: 'Consent is recorded per store once it syncs.',
    });
    expect(html).toMatch(/data-testid="area-consent"/);
    expect(html).toContain('Consent');
    expect(html).toContain('No store yet');
    expect(html).toContain(
      'Consent is recorded per store once it syncs. Start by adding a BigCommerce store.',
    );
    expect(html).toMatch(/<button[^>]*>.*Add a store/s);
  });

  it('takes its own heading and empty-state test id; without a purpose, everything builds on a store', () => {
    const html = render({
      testId: 'area-dashboard',
      title: 'Dashboard',
      icon: null,
      heading: 'Nothing to watch yet',
      emptyTestId: 'dashboard-empty',
    });
    expect(html).toContain('Nothing to watch yet');
    expect(html).not.toContain('No store yet');
    expect(html).toMatch(/data-testid="dashboard-empty"/);
    expect(html).toContain('Start by adding a BigCommerce store: everything else builds on it.');
  });
});
