// Runs in: vitest (pure). Owns: a row of counts: every figure formatted as a count over its own label, in order.
import { MantineProvider } from '@mantine/core';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CountGrid } from './CountGrid';
import { count } from './format';

describe('CountGrid', () => {
  it('shows each figure as a count above its label, in the order given', () => {
    const html = renderToStaticMarkup(
      createElement(
        MantineProvider,
        null,
        createElement(CountGrid, {
          figures: [
            ['contacts created', 12_345],
            ['double opt-in emails', 0],
          ],
        }),
      ),
    );
    // The visible text only: SimpleGrid also writes its responsive columns as a <style> element.
    const text = html
      .replace(/<style[^>]*>.*?<\/style>/gs, '')
      .replace(/<[^>]+>/g, '|')
      .replace(/\|+/g, '|');
    expect(text).toBe(`|${count(12_345)}|contacts created|${count(0)}|double opt-in emails|`);
    expect(count(12_345)).not.toBe('12345');
  });
});
