/**
 * ecommpay's signature, byte-identical to the official JavaScript SDK (npm `ecommpay`),
 * on Web Crypto so it runs in Node ≥ 20, Deno, Bun, edge workers and browsers. SPEC §4.
 *
 * The signed string: every leaf as `path:value`, paths joined with `:`, keys sorted, joined by `;`.
 * `null` → empty, booleans → `1`/`0`, arrays walked by index, empty objects/arrays add nothing,
 * `frame_mode` left out at any depth. HMAC-SHA512 of it with the secret key, Base64.
 */

/** Keys never signed: `frame_mode` is added by ecommpay's embedding script after signing. */
const IGNORED = new Set(['frame_mode']);

const encoder = new TextEncoder();

/** A canonical array index, which JavaScript objects enumerate first, in numeric order. */
const isArrayIndex = (key: string) => /^(0|[1-9]\d*)$/.test(key) && Number(key) < 2 ** 32 - 1;

/**
 * The order the SDK walks an object's keys in: it sorts them as strings, then rebuilds an
 * object from them, so index-like keys come first in numeric order (`9` before `10`), then
 * the rest as sorted. `__proto__` cannot survive that rebuild and is never signed.
 */
function signingOrder(node: object): string[] {
  const keys = Object.keys(node)
    .filter((key) => !IGNORED.has(key) && key !== '__proto__')
    .sort();
  const indices = keys.filter(isArrayIndex).sort((a, b) => Number(a) - Number(b));
  return indices.length === 0 ? keys : [...indices, ...keys.filter((key) => !isArrayIndex(key))];
}

function leaves(node: object, prefix: string, out: string[]): void {
  for (const key of signingOrder(node)) {
    const value: unknown = (node as Record<string, unknown>)[key];
    const path = prefix ? `${prefix}:${key}` : key;
    if (value !== null && typeof value === 'object') {
      leaves(value, path, out);
    } else {
      const text = value === null ? '' : typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
      out.push(`${path}:${text}`);
    }
  }
}

/** The exact string ecommpay signs for these parameters (useful when a signature is refused). */
export function signatureString(params: object): string {
  const out: string[] = [];
  leaves(params, '', out);
  return out.join(';');
}

const keyCache = new Map<string, Promise<CryptoKey>>();

function hmacKey(secretKey: string): Promise<CryptoKey> {
  let key = keyCache.get(secretKey);
  if (!key) {
    key = crypto.subtle.importKey('raw', encoder.encode(secretKey), { name: 'HMAC', hash: 'SHA-512' }, false, [
      'sign',
      'verify',
    ]);
    keyCache.set(secretKey, key);
    if (keyCache.size > 16) keyCache.delete(keyCache.keys().next().value!);
  }
  return key;
}

function toBase64(bytes: ArrayBuffer): string {
  let binary = '';
  for (const b of new Uint8Array(bytes)) binary += String.fromCharCode(b);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null;
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0)) as Uint8Array<ArrayBuffer>;
  } catch {
    return null;
  }
}

/** Signs parameters (or any JSON-like object) with the project's secret key. */
export async function signParams(params: object, secretKey: string): Promise<string> {
  if (!secretKey) throw new TypeError('signParams: the secret key is empty');
  const key = await hmacKey(secretKey);
  return toBase64(await crypto.subtle.sign('HMAC', key, encoder.encode(signatureString(params))));
}

/** A deep copy without any `signature` key, and the signature it carried (top level, else `general`). */
export function withoutSignature(payload: unknown): { rest: unknown; signature: unknown } {
  let signature: unknown;
  const strip = (node: unknown, depth: number): unknown => {
    if (node === null || typeof node !== 'object') return node;
    if (Array.isArray(node)) return node.map((item) => strip(item, depth + 1));
    const copy: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === 'signature') {
        if (depth === 0 || signature === undefined) signature = value;
        continue;
      }
      Object.defineProperty(copy, key, { value: strip(value, depth + 1), enumerable: true, writable: true, configurable: true });
    }
    return copy;
  };
  const top = payload as { signature?: unknown } | null;
  const rest = strip(payload, 0);
  if (top && typeof top === 'object' && 'signature' in top) signature = top.signature;
  return { rest, signature };
}

/**
 * Checks a signed payload (a callback, a Gate request, or launch parameters with `signature`).
 * Removes every `signature` key, signs the rest, compares in constant time (HMAC verify).
 * Accepts the object or its JSON text. Never throws on bad input: answers `false`.
 */
export async function verifySignature(payload: unknown, secretKey: string): Promise<boolean> {
  let data = payload;
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data);
    } catch {
      return false;
    }
  }
  if (data === null || typeof data !== 'object' || !secretKey) return false;
  const { rest, signature } = withoutSignature(data);
  if (typeof signature !== 'string') return false;
  const bytes = fromBase64(signature);
  if (!bytes || bytes.length !== 64) return false;
  const key = await hmacKey(secretKey);
  return crypto.subtle.verify('HMAC', key, bytes, encoder.encode(signatureString(rest as object)));
}
