// Runs in: vitest (pure, plus a server render of the grid). Owns: the run summary's figures: rate-limit waits
// apart from retries, what awaits the platform's confirmation apart from delivered, and the sentences saying so.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MantineProvider } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../shared/contract/index';
import { awaitingNote, awaitingProgress, summaryFigures } from './summary-figures';
import { SyncSummaryGrid } from './SyncSummaryGrid';

const base: ChannelOutput<'sync:start'> = {
  connectionId: 'c1',
  extracted: 30,
  queued: 30,
  unchanged: 0,
  delivered: 12,
  retried: 7,
  rateLimited: 5,
  awaitingConfirmation: 11,
  platformLabel: 'dotdigital',
  dead: 1,
  state: 'drained',
  startedAt: 0,
  finishedAt: 4200,
};

const figure = (s: ChannelOutput<'sync:start'>, key: string) => summaryFigures(s).find((f) => f.key === key);

describe('the run summary figures', () => {
  it('shows rate-limit waits as their own figure, not inside retried', () => {
    expect(figure(base, 'retried')).toMatchObject({ label: 'retried', value: 2 });
    expect(figure(base, 'waited')).toMatchObject({ label: 'waited for rate limit', value: 5 });
  });

  it('shows what awaits confirmation apart from delivered and dead letters', () => {
    expect(figure(base, 'delivered')?.value).toBe(12);
    expect(figure(base, 'awaiting')).toMatchObject({ label: 'submitted, awaiting confirmation', value: 11 });
    expect(figure(base, 'dead')?.value).toBe(1);
    expect(awaitingNote(base)).toBe(
      "11 submitted, awaiting dotdigital's confirmation; checked again on the next sync.",
    );
    expect(awaitingNote({ ...base, awaitingConfirmation: 0 })).toBeNull();
  });

  it("shows work the platform deferred as its own figure, with the connector's sentence", () => {
    const note = "5 enrolments deferred by dotdigital's hourly limit, sent after 2026-01-05 11:00 UTC";
    const s = { ...base, awaitingConfirmation: 0, deferred: 5, deferredNote: note };
    expect(figure(s, 'deferred')).toMatchObject({ label: 'deferred by the platform', value: 5 });
    expect(awaitingNote(s)).toBe(note);
    expect(awaitingNote({ ...s, awaitingConfirmation: 2 })).toBe(
      `2 submitted, awaiting dotdigital's confirmation; checked again on the next sync. ${note}`,
    );
  });

  it('reads a summary from before these figures existed as none waited and none awaiting', () => {
    const { rateLimited: _r, awaitingConfirmation: _a, platformLabel: _p, ...old } = base;
    expect(figure(old, 'retried')?.value).toBe(7);
    expect(figure(old, 'waited')?.value).toBe(0);
    expect(awaitingNote(old)).toBeNull();
  });

  it('says for whom and how many while a run waits', () => {
    expect(
      awaitingProgress({
        connectionId: 'c1',
        phase: 'deliver',
        awaitingConfirmation: 4,
        platformLabel: 'dotdigital',
      }),
    ).toBe('awaiting confirmation from dotdigital: 4');
    expect(awaitingProgress({ connectionId: 'c1', phase: 'deliver', delivered: 3 })).toBeNull();
  });

  it('the grid renders both figures and the awaiting note', () => {
    const html = renderToStaticMarkup(
      createElement(MantineProvider, null, createElement(SyncSummaryGrid, { summary: base })),
    );
    expect(html).toMatch(/data-testid="summary-waited"[^>]*>5</);
    expect(html).toMatch(/data-testid="summary-retried"[^>]*>2</);
    expect(html).toMatch(/data-testid="summary-awaiting"[^>]*>11</);
    expect(html).toContain('waited for rate limit');
    expect(html).toContain('data-testid="summary-awaiting-note"');
    expect(html).toContain('awaiting dotdigital&#x27;s confirmation');
  });
});
