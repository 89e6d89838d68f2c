// Runs in: main (Electron-free). Owns: the SALESmanago monitoring code for the storefront (installed through the
// BigCommerce Scripts API by the engine), with the plugin's optional flags, and its read-only preview.
import type { StorefrontScript } from '../../engine/connector.js';
import type { SalesmanagoCredentials, SalesmanagoSettings } from './schemas.js';

/** The host sm.js is served from: the account's server, as in the code SALESmanago shows in its settings. */
function scriptHost(endpoint: string): string {
  if (/^https?:\/\//.test(endpoint)) return new URL(endpoint).host;
  return `${endpoint}.salesmanago.com`;
}

export function monitoringCode(c: SalesmanagoCredentials, s: SalesmanagoSettings): string {
  const flags = [
    s.monitoringCustomScript ? 'var _smcustom = true;' : '',
    s.monitoringBanners ? 'var _smbanners = true;' : '',
    s.monitoringPopups ? 'var _smpopup = true;' : '',
  ].filter(Boolean);
  return [
    '<script type="text/javascript">',
    `var _smid = ${JSON.stringify(c.clientId)};`,
    `var _smcookielifetime = ${s.cookieLifetimeDays};`,
    ...flags,
    '(function(w, r, a, sm, s) {',
    "  w['SalesmanagoObject'] = r;",
    '  w[r] = w[r] || function () {( w[r].q = w[r].q || [] ).push(arguments)};',
    "  sm = document.createElement('script'); sm.type = 'text/javascript'; sm.async = true; sm.src = a;",
    "  s = document.getElementsByTagName('script')[0];",
    '  s.parentNode.insertBefore(sm, s);',
    `})(window, 'sm', 'https://${scriptHost(c.endpoint)}/static/sm.js');`,
    '</script>',
  ].join('\n');
}

/** Undefined when the merchant turned the monitoring code off. */
export function storefrontScript(
  c: SalesmanagoCredentials,
  s: SalesmanagoSettings,
): StorefrontScript | undefined {
  if (!s.monitoringCode) return undefined;
  return {
    name: 'SALESmanago monitoring code',
    description: 'Identifies visitors and records their visits for SALESmanago (smclient cookie).',
    kind: 'script_tag',
    html: monitoringCode(c, s),
    location: 'footer',
    visibility: 'all_pages',
    consentCategory: 'targeting',
  };
}
