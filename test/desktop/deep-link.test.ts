// Runs in: Node (vitest). Owns: the storebridge:// grammar and second-launch argv handling.
import { describe, expect, it } from 'vitest';
import {
  deepLinkFor,
  parseDeepLink,
  routeFor,
  type DeepLinkTarget,
} from '../../src/main/desktop/deep-link.js';
import { secondInstanceAction } from '../../src/main/desktop/second-instance.js';

const ID = '3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b';

describe('parseDeepLink', () => {
  it('opens a store, a connection and an event record', () => {
    expect(parseDeepLink(`storebridge://stores/${ID}`)).toEqual({
      ok: true,
      target: { screen: 'store', storeId: ID },
    });
    expect(parseDeepLink(`storebridge://connections/${ID.toUpperCase()}`)).toEqual({
      ok: true,
      target: { screen: 'connection', connectionId: ID },
    });
    expect(parseDeepLink('storebridge://events?record=customers%3A123')).toEqual({
      ok: true,
      target: { screen: 'events', record: 'customers:123' },
    });
    expect(parseDeepLink('STOREBRIDGE://stores/' + ID).ok).toBe(true);
  });

  it('round-trips every target it builds', () => {
    const targets: DeepLinkTarget[] = [
      { screen: 'store', storeId: ID },
      { screen: 'connection', connectionId: ID },
      { screen: 'events', record: 'orders:store-1:42' },
    ];
    for (const t of targets) expect(parseDeepLink(deepLinkFor(t))).toEqual({ ok: true, target: t });
    expect(routeFor({ screen: 'events', record: 'a:b' })).toBe('/events?record=a%3Ab');
  });

  it.each([
    ['another scheme', `https://stores/${ID}`],
    ['file scheme', 'file:///etc/passwd'],
    ['not a uuid', 'storebridge://stores/123'],
    ['traversal', `storebridge://stores/../connections/${ID}`],
    ['encoded traversal', `storebridge://stores/%2e%2e/${ID}`],
    ['extra segment', `storebridge://stores/${ID}/delete`],
    ['trailing slash', `storebridge://stores/${ID}/`],
    ['query on a store', `storebridge://stores/${ID}?x=1`],
    ['credentials', `storebridge://user:pw@stores/${ID}`],
    ['port', `storebridge://stores:80/${ID}`],
    ['fragment', `storebridge://stores/${ID}#x`],
    ['unknown screen', `storebridge://settings/${ID}`],
    ['events without record', 'storebridge://events'],
    ['events with another param', 'storebridge://events?record=a&cmd=rm'],
    ['events with a path', 'storebridge://events/x?record=a'],
    ['record with a slash', 'storebridge://events?record=a%2Fb'],
    ['record with script', 'storebridge://events?record=%3Cscript%3E'],
    ['too long', 'storebridge://events?record=' + 'a'.repeat(600)],
    ['garbage', 'not a url'],
  ])('refuses %s', (_name, link) => {
    const r = parseDeepLink(link);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.length).toBeGreaterThan(5);
  });
});

describe('secondInstanceAction', () => {
  it('focuses without a link', () => {
    expect(secondInstanceAction(['/opt/Storebridge/storebridge', '--hidden'])).toEqual({ focus: true });
  });

  it('finds the link among Chromium switches (Windows/Linux put it in argv)', () => {
    const argv = [
      'C:\\Program Files\\Storebridge\\Storebridge.exe',
      '--allow-file-access-from-files',
      `storebridge://connections/${ID}`,
      '--original-process-start-time=13349',
    ];
    expect(secondInstanceAction(argv)).toEqual({
      focus: true,
      open: { screen: 'connection', connectionId: ID },
    });
  });

  it('still focuses but opens nothing for a bad link', () => {
    const r = secondInstanceAction(['app', 'storebridge://stores/not-a-uuid']);
    expect(r.focus).toBe(true);
    expect(r.open).toBeUndefined();
    expect(r.rejected).toMatch(/uuid/);
  });
});
