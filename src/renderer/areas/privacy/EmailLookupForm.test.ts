// Runs in: vitest (pure). Owns: the email form both privacy flows share: which addresses it looks up, and that
// it renders each flow's own field, button and test ids (the clicks themselves: e2e/trust-screens.spec.ts).
import { MantineProvider } from '@mantine/core';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { EmailLookupForm, personEmail } from './EmailLookupForm';

const render = (over: Partial<Parameters<typeof EmailLookupForm>[0]> = {}) =>
  renderToStaticMarkup(
    createElement(
      MantineProvider,
      null,
      createElement(EmailLookupForm, {
        email: 'zoe@example.com',
        onEmailChange: () => undefined,
        onLookup: () => undefined,
        busy: false,
        submitLabel: 'Find the person',
        testIds: { email: 'erase-email', submit: 'erase-find' },
        ...over,
      }),
    ),
  );

describe('personEmail', () => {
  it('looks up the trimmed address, and nothing that has no @', () => {
    expect(personEmail('  Zoe@Example.com \n')).toBe('Zoe@Example.com');
    expect(personEmail('zoe.example.com')).toBeNull();
    expect(personEmail('   ')).toBeNull();
  });
});

describe('EmailLookupForm', () => {
  it("renders the flow's field and submit button under its own test ids", () => {
    const html = render();
    expect(html).toMatch(/<form/);
    expect(html).toContain('Email address of the person');
    expect(html).toMatch(/<input[^>]*data-testid="erase-email"[^>]*>/);
    expect(html).toMatch(/<input[^>]*value="zoe@example.com"/);
    expect(html).toMatch(/<button[^>]*type="submit"[^>]*data-testid="erase-find"/);
    expect(html).toContain('Find the person');
    expect(html).not.toContain('access-');
  });

  it('shows the button as busy while a lookup runs', () => {
    const idle = render({ testIds: { email: 'access-email', submit: 'access-run' } });
    const busy = render({ busy: true, testIds: { email: 'access-email', submit: 'access-run' } });
    const button = (html: string) => /<button[^>]*data-testid="access-run"[^>]*>/.exec(html)?.[0] ?? '';
    expect(button(idle)).not.toMatch(/data-loading/);
    expect(button(busy)).toMatch(/data-loading/);
  });
});
