// Runs in: Node (simulators). Owns: Bloomreach authentication (project token in the path, private Basic
// keys with secret rotation, public `Token` access) and per-API-group permissions.
import { randomBytes } from 'node:crypto';
import type { SimRequest, SimResponse } from '../kit/index.js';
import { authError } from './errors.js';
import type { Permission, ResolvedOptions } from './options.js';

export interface Principal {
  kind: 'private' | 'public';
  id: string;
  permissions: Permission[];
}

interface KeyState {
  keyId: string;
  secret: string;
  permissions: Permission[];
  previousSecret?: string;
  rotatedAt?: number;
  revoked?: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class Auth {
  private keys = new Map<string, KeyState>();

  constructor(private readonly opts: ResolvedOptions) {
    this.reset();
  }

  reset(): void {
    this.keys = new Map(
      this.opts.privateKeys.map((k) => [
        k.keyId,
        { keyId: k.keyId, secret: k.secret, permissions: k.permissions ?? ['*'] },
      ]),
    );
  }

  /** As the user pressing "Rotate" in Access management: the old secret keeps working for the grace period. */
  rotate(keyId: string): string | undefined {
    const key = this.keys.get(keyId);
    if (!key || key.revoked) return undefined;
    key.previousSecret = key.secret;
    key.rotatedAt = this.opts.now();
    key.secret = randomBytes(24).toString('base64url');
    return key.secret;
  }

  revoke(keyId: string): boolean {
    const key = this.keys.get(keyId);
    if (!key) return false;
    key.revoked = true;
    return true;
  }

  /** Checks the path token and the credentials; `access` says whether public tokens may call the route. */
  check(req: SimRequest, access: 'public' | 'private'): Principal | SimResponse {
    const token = req.params['token'] ?? '';
    if (!UUID.test(token)) return authError(400, 'Invalid project id');
    if (token !== this.opts.projectToken) return authError(400, 'Could not authenticate');

    const header = String(req.headers['authorization'] ?? '').trim();
    const basic = /^Basic\s+(.+)$/i.exec(header);
    if (basic) return this.checkBasic(basic[1]!);
    const tokenHeader = /^Token\s+(.+)$/i.exec(header);
    const publicToken = tokenHeader?.[1] ?? req.query.get('access_token') ?? undefined;
    if (publicToken === undefined || (header.length > 0 && !tokenHeader)) {
      return authError(401, 'Access key not provided');
    }
    const found = this.opts.publicTokens.find((t) => t.token === publicToken);
    if (!found) return authError(401, 'Access key not found');
    if (access === 'private') return authError(403, 'This method requires private access');
    return {
      kind: 'public',
      id: found.token,
      permissions: found.permissions ?? ['customers.set', 'events.set:*'],
    };
  }

  private checkBasic(encoded: string): Principal | SimResponse {
    const decoded = Buffer.from(encoded, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon <= 0) return authError(401, 'Access key not provided');
    const keyId = decoded.slice(0, colon);
    const secret = decoded.slice(colon + 1);
    const key = this.keys.get(keyId);
    if (!key || key.revoked) return authError(401, 'Access key not found');
    const inGrace =
      key.previousSecret === secret &&
      key.rotatedAt !== undefined &&
      this.opts.now() - key.rotatedAt < this.opts.rotationGraceMs;
    if (secret !== key.secret && !inGrace) return authError(403, 'invalid secret');
    return { kind: 'private', id: key.keyId, permissions: key.permissions };
  }
}

export function can(p: Principal, perm: Permission): boolean {
  if (p.permissions.includes('*') || p.permissions.includes(perm)) return true;
  const colon = perm.indexOf(':');
  return colon > 0 && p.permissions.includes(`${perm.slice(0, colon)}:*` as Permission);
}

export function isPrincipal(x: Principal | SimResponse): x is Principal {
  return 'kind' in x;
}
