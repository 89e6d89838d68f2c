// Runs in: main (Electron-free). Owns: the passphrase envelope shared by workspace exports and the headless
// secrets file: scrypt (parameters in the header) + AES-256-GCM, the whole header authenticated as AAD.
import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../core/errors.js';

/** Eight bytes; the CR LF catches a file mangled by a text-mode transfer before any key is derived. */
export const MAGIC = Buffer.from('SBSEAL\r\n', 'latin1');
export const FORMAT_VERSION = 1;

export interface KdfParams {
  N: number;
  r: number;
  p: number;
}

/** 128 MiB of memory and about half a second per guess on a laptop; see docs/diagnostics-and-transfer.md. */
export const DEFAULT_KDF: KdfParams = { N: 2 ** 17, r: 8, p: 1 };

const b64 = (bytes: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9+/]+={0,2}$/)
    .refine((s) => Buffer.from(s, 'base64').length === bytes, `must decode to ${bytes} bytes`);

const headerSchema = z.object({
  kind: z.string(),
  version: z.literal(FORMAT_VERSION),
  kdf: z.object({
    name: z.literal('scrypt'),
    N: z
      .number()
      .int()
      .min(2 ** 10)
      .max(2 ** 22)
      .refine((n) => (n & (n - 1)) === 0, 'N must be a power of two'),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
    salt: b64(16),
  }),
  cipher: z.object({ name: z.literal('aes-256-gcm'), nonce: b64(12) }),
});
export type SealedHeader = z.infer<typeof headerSchema>;

/** A crafted header must not make us allocate gigabytes: the cost is bounded before scrypt runs. */
const MAX_KDF_MEMORY = 1024 * 1024 * 1024;
const kdfMemory = (k: KdfParams) => 128 * k.N * k.r * k.p;

export async function deriveKey(passphrase: string, salt: Buffer, k: KdfParams): Promise<Buffer> {
  if (kdfMemory(k) > MAX_KDF_MEMORY) {
    throw new AppError('invalid_input', `scrypt parameters N=${k.N} r=${k.r} p=${k.p} need more than 1 GiB.`);
  }
  // NFC so the same passphrase typed on macOS (NFD input methods) and elsewhere derives the same key.
  const secret = Buffer.from(passphrase.normalize('NFC'), 'utf8');
  return new Promise((resolve, reject) =>
    scrypt(secret, salt, 32, { ...k, maxmem: kdfMemory(k) + 32 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

export interface KeyMaterial {
  key: Buffer;
  kdf: KdfParams;
  salt: Buffer;
}

export async function newKey(passphrase: string, kdf: KdfParams = DEFAULT_KDF): Promise<KeyMaterial> {
  const salt = randomBytes(16);
  return { key: await deriveKey(passphrase, salt, kdf), kdf, salt };
}

/** Encrypts under an already derived key (fresh nonce each time), so the secrets file derives once per run. */
export function sealWithKey(plaintext: Buffer, km: KeyMaterial, kind: string): Buffer {
  const nonce = randomBytes(12);
  const header: SealedHeader = {
    kind,
    version: FORMAT_VERSION,
    kdf: { name: 'scrypt', ...km.kdf, salt: km.salt.toString('base64') },
    cipher: { name: 'aes-256-gcm', nonce: nonce.toString('base64') },
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(json.length);
  const aad = Buffer.concat([MAGIC, len, json]);
  const cipher = createCipheriv('aes-256-gcm', km.key, nonce);
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([aad, body, cipher.getAuthTag()]);
}

export async function seal(plaintext: Buffer, passphrase: string, kind: string, kdf = DEFAULT_KDF) {
  return sealWithKey(plaintext, await newKey(passphrase, kdf), kind);
}

export interface ParsedSealed {
  header: SealedHeader;
  aad: Buffer;
  body: Buffer;
  tag: Buffer;
}

/** Reads the header without any key; `what` names the file in error messages. */
export function parseSealed(file: Buffer, kind: string, what: string): ParsedSealed {
  const notOurs = (why: string) =>
    new AppError('invalid_input', `${what} is not a readable Storebridge ${kind} file (${why}).`);
  if (file.length < MAGIC.length + 4 || !file.subarray(0, MAGIC.length).equals(MAGIC))
    throw notOurs('unknown format');
  const len = file.readUInt32BE(MAGIC.length);
  const end = MAGIC.length + 4 + len;
  if (len > 64 * 1024 || file.length < end + 16) throw notOurs('truncated or damaged header');
  let header: SealedHeader;
  try {
    header = headerSchema.parse(JSON.parse(file.subarray(MAGIC.length + 4, end).toString('utf8')));
  } catch (err) {
    if (err instanceof z.ZodError && err.issues.some((i) => i.path[0] === 'version'))
      throw notOurs('written by a newer Storebridge; update to read it');
    throw notOurs('damaged header');
  }
  if (header.kind !== kind) throw notOurs(`it holds "${header.kind}"`);
  return {
    header,
    aad: file.subarray(0, end),
    body: file.subarray(end, file.length - 16),
    tag: file.subarray(-16),
  };
}

export function keyParams(h: SealedHeader): { kdf: KdfParams; salt: Buffer } {
  return { kdf: { N: h.kdf.N, r: h.kdf.r, p: h.kdf.p }, salt: Buffer.from(h.kdf.salt, 'base64') };
}

export function openWithKey(p: ParsedSealed, key: Buffer, what: string): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(p.header.cipher.nonce, 'base64'));
  decipher.setAAD(p.aad);
  decipher.setAuthTag(p.tag);
  try {
    return Buffer.concat([decipher.update(p.body), decipher.final()]);
  } catch {
    // GCM cannot tell a wrong key from a changed byte, so the message names both.
    throw new AppError(
      'unauthorized',
      `Could not open ${what}: the passphrase is wrong, or the file was changed or damaged after it was written.`,
    );
  }
}

export async function open(file: Buffer, passphrase: string, kind: string, what: string): Promise<Buffer> {
  const parsed = parseSealed(file, kind, what);
  const { kdf, salt } = keyParams(parsed.header);
  return openWithKey(parsed, await deriveKey(passphrase, salt, kdf), what);
}
