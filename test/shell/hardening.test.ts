// Runs in: Node (vitest). Owns: proving the hardening module refuses navigation, redirects, new windows,
// <webview> and permissions, and opens only allowlisted https links in the browser.
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { isAllowedExternal } from '../../src/main/shell/external-links.js';
import {
  hardenSession,
  hardenWebContents,
  navigationVerdict,
  permissionVerdict,
  windowOpenVerdict,
  type HardenableSession,
  type PreventableEvent,
} from '../../src/main/shell/hardening.js';

const allowed = [
  'https://login.bigcommerce.com/login',
  'https://store-abc123.mybigcommerce.com/manage/settings/api-accounts',
  'https://developer.bigcommerce.com/docs/rest-management/customers',
  'https://myshop.activehosted.com/app/settings/developer',
  'https://help.activecampaign.com/hc/en-us',
  'https://r1-app.dotdigital.com/',
  'https://support.dotdigital.com/en/articles/1',
  'https://app3.salesmanago.com/',
  'https://documentation.bloomreach.com/engagement/reference',
  'https://app.exponea.com/p/project',
  'https://app.connectif.cloud/',
  'https://support.connectif.ai/hc/',
];

const refused = [
  'app://storebridge/index.html',
  'http://login.bigcommerce.com/',
  'https://login.bigcommerce.com.evil.example/',
  'https://login.bigcommerce.com@evil.example/',
  'https://user:pw@login.bigcommerce.com/',
  'https://login.bigcommerce.com:8443/',
  'https://evilactivehosted.com/',
  'https://activehosted.com.evil.example/',
  'https://bigcommerce.com/',
  'https://evil.example/',
  'javascript:alert(1)',
  'file:///etc/passwd',
  'data:text/html,<script>alert(1)</script>',
  'not a url',
  '',
];

describe('external link allowlist', () => {
  it.each(allowed)('allows %s', (url) => {
    expect(isAllowedExternal(url)).toBe(true);
    expect(navigationVerdict(url)).toEqual({ allow: false, openExternal: url });
    expect(windowOpenVerdict(url)).toEqual({ allow: false, openExternal: url });
  });

  it.each(refused)('refuses %s', (url) => {
    expect(isAllowedExternal(url)).toBe(false);
    expect(navigationVerdict(url)).toEqual({ allow: false });
    expect(windowOpenVerdict(url)).toEqual({ allow: false });
  });

  it('honours a custom allowlist and its wildcard boundary', () => {
    const list = ['https://*.example.com', 'https://exact.test'];
    expect(isAllowedExternal('https://a.b.example.com/x', list)).toBe(true);
    expect(isAllowedExternal('https://example.com/', list)).toBe(false);
    expect(isAllowedExternal('https://badexample.com/', list)).toBe(false);
    expect(isAllowedExternal('https://exact.test/', list)).toBe(true);
    expect(isAllowedExternal('https://sub.exact.test/', list)).toBe(false);
    expect(isAllowedExternal('https://login.bigcommerce.com/', list)).toBe(false);
  });
});

describe('permissions', () => {
  it.each([
    'media',
    'notifications',
    'geolocation',
    'clipboard-read',
    'clipboard-sanitized-write',
    'openExternal',
    'hid',
  ])('denies %s', (permission) => expect(permissionVerdict(permission, 'app://storebridge')).toBe(false));

  it('installs request and check handlers that deny', () => {
    let request: Parameters<HardenableSession['setPermissionRequestHandler']>[0] | undefined;
    let check: Parameters<HardenableSession['setPermissionCheckHandler']>[0] | undefined;
    hardenSession({
      setPermissionRequestHandler: (h) => (request = h),
      setPermissionCheckHandler: (h) => (check = h),
    });
    const callback = vi.fn();
    request!({}, 'media', callback);
    request!({}, 'notifications', callback);
    expect(callback.mock.calls).toEqual([[false], [false]]);
    expect(check!({}, 'media', 'app://storebridge')).toBe(false);
    expect(check!({}, 'clipboard-read', 'app://storebridge')).toBe(false);
  });
});

class FakeWebContents extends EventEmitter {
  openHandler?: (details: { url: string }) => { action: 'deny' };
  setWindowOpenHandler(h: (details: { url: string }) => { action: 'deny' }) {
    this.openHandler = h;
  }
  /** Emits like Electron: an event object that can be prevented; returns whether it was. */
  fire(name: string, fields: Partial<PreventableEvent> = {}, ...args: unknown[]): boolean {
    let prevented = false;
    this.emit(name, { ...fields, preventDefault: () => (prevented = true) }, ...args);
    return prevented;
  }
}

function harden() {
  const wc = new FakeWebContents();
  const openExternal = vi.fn(async (_url: string) => undefined);
  hardenWebContents(wc, { openExternal });
  return { wc, openExternal };
}

describe('hardenWebContents', () => {
  it('prevents every navigation, opening only allowlisted links in the browser', () => {
    const { wc, openExternal } = harden();
    expect(wc.fire('will-frame-navigate', { url: 'https://evil.example/', isMainFrame: true })).toBe(true);
    expect(wc.fire('will-navigate', { url: 'app://storebridge/other.html' })).toBe(true);
    expect(openExternal).not.toHaveBeenCalled();
    expect(wc.fire('will-frame-navigate', { url: allowed[0], isMainFrame: true })).toBe(true);
    expect(openExternal.mock.calls).toEqual([[allowed[0]]]);
  });

  it('reads the URL from the legacy argument when the event carries none', () => {
    const { wc, openExternal } = harden();
    expect(wc.fire('will-navigate', {}, allowed[1])).toBe(true);
    expect(openExternal.mock.calls).toEqual([[allowed[1]]]);
  });

  it('never opens the browser from a subframe or a redirect', () => {
    const { wc, openExternal } = harden();
    expect(wc.fire('will-frame-navigate', { url: allowed[0], isMainFrame: false })).toBe(true);
    expect(wc.fire('will-redirect', { url: allowed[0] })).toBe(true);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('refuses <webview>', () => {
    const { wc } = harden();
    expect(wc.fire('will-attach-webview')).toBe(true);
  });

  it('denies every new window and opens only allowlisted ones outside', () => {
    const { wc, openExternal } = harden();
    expect(wc.openHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(wc.openHandler!({ url: 'app://storebridge/index.html' })).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
    expect(wc.openHandler!({ url: allowed[3]! })).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([[allowed[3]]]);
  });

  it('survives a failing openExternal', async () => {
    const wc = new FakeWebContents();
    const logs: string[] = [];
    const openExternal = vi.fn(() => Promise.reject(new Error('no browser')));
    hardenWebContents(wc, { openExternal, logger: { log: (_l, m) => logs.push(m) } });
    expect(wc.openHandler!({ url: allowed[0]! })).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(logs).toContain('could not open an external link'));
  });
});
