import { describe, expect, it } from 'vitest';
import { secretParts } from './secret-parts.js';

describe('secretParts', () => {
  it('registers a plain token as it is', () => {
    expect(secretParts('tok_plain_123456')).toEqual(['tok_plain_123456']);
  });

  it('registers the secret fields of a JSON credential, not its addresses or short names', () => {
    const parts = secretParts(
      JSON.stringify({
        apiUrl: 'https://acme.api-us1.com',
        apiKey: 'k3y-0123',
        account: 'acme',
        nested: { clientSecret: 's3cr' },
      }),
    );
    expect(parts).toContain('k3y-0123');
    expect(parts).toContain('s3cr');
    expect(parts).not.toContain('https://acme.api-us1.com');
    expect(parts).not.toContain('acme');
  });
});
