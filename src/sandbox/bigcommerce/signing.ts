// Runs in: Node (simulators). Owns: Standard Webhooks signing of a callback, as BigCommerce does it with the API
// account's client secret (reference §5.5; the Standard Webhooks spec, "Signature scheme").
import { createHmac, randomUUID } from 'node:crypto';

/** A message id: the same on every retry of one callback, so a receiver can tell a retry from a new message. */
export const newMessageId = (): string => `msg_${randomUUID().replace(/-/g, '')}`;

/**
 * `webhook-signature` is `v1,` + base64 HMAC-SHA256 of "{id}.{timestamp}.{body}". BigCommerce tells receivers to
 * pass base64(client_secret) to the library, which decodes it: the key is the client secret's bytes.
 */
export function signedHeaders(
  clientSecret: string,
  messageId: string,
  timestampS: number,
  body: string,
): Record<string, string> {
  const mac = createHmac('sha256', Buffer.from(clientSecret, 'utf8'))
    .update(`${messageId}.${timestampS}.${body}`, 'utf8')
    .digest('base64');
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(timestampS),
    'webhook-signature': `v1,${mac}`,
  };
}
