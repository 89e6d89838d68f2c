// Runs in: renderer. Owns: reading the per-load CSP nonce main put into index.html, for Mantine's <style> tags.
export function styleNonce(): string {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]');
  const value = meta?.content ?? '';
  // In `vite dev` the placeholder is not replaced; no nonce then (dev serves without the CSP header).
  return value.startsWith('__') ? '' : value;
}
