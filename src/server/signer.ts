/**
 * ecommpay's signature, byte-identical to the official JavaScript SDK (npm `ecommpay`) on every
 * unambiguous input, on Web Crypto so it runs in Node ≥ 20, Deno, Bun, edge workers and browsers.
 * SPEC §4, §11.
 *
 * The signed string: every leaf as `path:value`, paths joined with `:`, keys sorted, joined by `;`.
 * `null` → empty, booleans → `1`/`0`, arrays walked by index, empty objects/arrays add nothing,
 * `frame_mode` left out at any depth. HMAC-SHA512 of it with the secret key, Base64.
 *
 * That string cannot tell `{"a":"1;b:2"}` from `{"a":"1","b":"2"}` (SPEC §11): a `;` in a value,
 * or a `:` or `;` in a key, lets two different objects share one signature. So nothing ambiguous
 * is signed ({@link AmbiguousPayloadError}) and nothing ambiguous verifies. What stays possible is
 * the reverse: when ecommpay signs an echo of buyer text holding `;`, an unambiguous twin of it
 * verifies. Keys are sorted, so the twin can only add fields where the injected text sat (inside
 * `customer` or `account`, or new top-level keys sorting between them and `operation`); it cannot
 * change `payment`, `operation`, `project_id` or `redirect_data`, which ecommpay itself writes.
 * `createCallbackHandler` acts on those alone, and cross-checks them with the order.
 */

/** Keys never signed: `frame_mode` is added by ecommpay's embedding script after signing. */
const IGNORED = new Set(['frame_mode']);

/** Bounds on what is walked: ecommpay's payloads are 3–4 levels deep and a few dozen leaves. */
export const SIGNATURE_LIMITS = {
  /** Nesting depth of objects and arrays. */
  depth: 32,
  /** Objects, arrays and leaves together. */
  nodes: 20_000,
  /** Characters of a JSON text given to `verifySignature` / `checkSignature`. */
  text: 1024 * 1024,
} as const;

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

/** Why an object cannot be signed or verified as it is. */
export type UnsignableReason = 'ambiguous-key' | 'ambiguous-value' | 'too-deep' | 'too-large';

/** Thrown by {@link signParams} for an object it refuses to sign; `path` names the field (`customer.phone`). */
export class AmbiguousPayloadError extends TypeError {
  readonly path: string;
  readonly reason: UnsignableReason;

  constructor(path: string, reason: UnsignableReason) {
    super(`${path || 'payload'}: ${REASON_TEXT[reason]}`);
    this.name = 'AmbiguousPayloadError';
    this.path = path;
    this.reason = reason;
  }
}

const REASON_TEXT: Record<UnsignableReason, string> = {
  'ambiguous-key': 'a key must not contain ":" or ";" (the signed string could not tell it from another object)',
  'ambiguous-value': 'must not contain ";" (the signed string could not tell it from another object)',
  'too-deep': `nested more than ${SIGNATURE_LIMITS.depth} levels deep`,
  'too-large': `more than ${SIGNATURE_LIMITS.nodes} fields`,
};

type Problem = { path: string; reason: UnsignableReason };

/**
 * One walk in the signer's order: the `path:value` leaves into `out` (when given), and the first
 * problem met: past the bounds always; an ambiguous key or value when `strict`.
 */
function walk(value: unknown, strict: boolean, out: string[] | null): Problem | null {
  let nodes = 0;
  const visit = (node: unknown, path: string, signed: string, depth: number): Problem | null => {
    nodes += 1;
    if (nodes > SIGNATURE_LIMITS.nodes) return { path, reason: 'too-large' };
    if (node === null || typeof node !== 'object') {
      if (strict && typeof node === 'string' && node.includes(';')) return { path, reason: 'ambiguous-value' };
      out?.push(`${signed}:${node === null ? '' : typeof node === 'boolean' ? (node ? '1' : '0') : String(node)}`);
      return null;
    }
    if (depth >= SIGNATURE_LIMITS.depth) return { path, reason: 'too-deep' };
    for (const key of signingOrder(node)) {
      const at = path ? `${path}.${key}` : key;
      if (strict && (key.includes(':') || key.includes(';'))) return { path: at, reason: 'ambiguous-key' };
      const found = visit((node as Record<string, unknown>)[key], at, signed ? `${signed}:${key}` : key, depth + 1);
      if (found) return found;
    }
    return null;
  };
  return visit(value, '', '', 0);
}

/** The first problem found walking `value` as the signer would, or `null` when it is unambiguous and within bounds. */
export const findAmbiguity = (value: unknown): Problem | null => walk(value, true, null);

/**
 * The exact string ecommpay signs for these parameters (useful when a signature is refused).
 * Throws {@link AmbiguousPayloadError} past the depth and size bounds; it does not refuse
 * ambiguity, so it can show what an ambiguous payload would have signed.
 */
export function signatureString(params: object): string {
  const out: string[] = [];
  const problem = walk(params, false, out);
  if (problem) throw new AmbiguousPayloadError(problem.path, problem.reason);
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

function toBase64(bytes: ArrayBuffer | Uint8Array): string {
  let binary = '';
  for (const b of new Uint8Array(bytes)) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** An HMAC-SHA512 signature in canonical Base64 (88 characters, the only encoding ecommpay produces), or `null`. */
function signatureBytes(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9+/]{86}==$/.test(text)) return null;
  const bytes = Uint8Array.from(atob(text), (c) => c.charCodeAt(0)) as Uint8Array<ArrayBuffer>;
  // Padding bits must be zero: `…Q==` and `…R==` decode alike, and only one is ecommpay's.
  return toBase64(bytes) === text ? bytes : null;
}

/**
 * Signs parameters (or any JSON-like object) with the project's secret key.
 * Throws {@link AmbiguousPayloadError} (a `TypeError`) naming the field when a value contains
 * `;` or a key contains `:` or `;`, or past the depth and size bounds: such an object is refused,
 * never signed.
 */
export async function signParams(params: object, secretKey: string): Promise<string> {
  if (!secretKey) throw new TypeError('signParams: the secret key is empty');
  const out: string[] = [];
  const problem = walk(params, true, out);
  if (problem) throw new AmbiguousPayloadError(problem.path, problem.reason);
  const key = await hmacKey(secretKey);
  return toBase64(await crypto.subtle.sign('HMAC', key, encoder.encode(out.join(';'))));
}

/** A deep copy without any `signature` key, and the signature it carried (top level, else the first found). */
export function withoutSignature(payload: unknown): { rest: unknown; signature: unknown } {
  let signature: unknown;
  const strip = (node: unknown, depth: number): unknown => {
    if (node === null || typeof node !== 'object') return node;
    if (depth > SIGNATURE_LIMITS.depth) throw new AmbiguousPayloadError('', 'too-deep');
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

/** Exactly what the signature covers: no `signature`, no `frame_mode`, no `__proto__` (none is signed). */
function signedContent(node: unknown): unknown {
  if (node === null || typeof node !== 'object') return node;
  if (Array.isArray(node)) return node.map(signedContent);
  const copy: Record<string, unknown> = {};
  for (const key of signingOrder(node)) copy[key] = signedContent((node as Record<string, unknown>)[key]);
  return copy;
}

/**
 * What {@link checkSignature} found. `payload` is what the signature covers and nothing more:
 * every `signature`, `frame_mode` and `__proto__` key removed (none of them is signed, so none
 * may be trusted), keys in signing order.
 */
export type SignatureCheck =
  /** Signed with the key, and unambiguous: safe to act on (after checking it against your own records). */
  | { valid: true; signed: true; payload: Record<string, unknown>; signature: string }
  /**
   * Signed with the key, but ambiguous (SPEC §11): this object, or another of a different shape,
   * is what was signed. Never act on it automatically; keep it for a person to review.
   */
  | {
      valid: false;
      signed: true;
      reason: 'ambiguous';
      /** Where, and which rule: a `;` in a value, or a `:`/`;` in a key. */
      path: string;
      rule: 'ambiguous-key' | 'ambiguous-value';
      payload: Record<string, unknown>;
      signature: string;
    }
  /** Not signed with the key, or not checkable at all. */
  | {
      valid: false;
      signed: false;
      reason: 'not-json' | 'not-an-object' | 'too-large' | 'too-deep' | 'no-signature' | 'bad-encoding' | 'mismatch';
    };

/**
 * Checks a signed payload (a callback, a Gate request, or launch parameters with `signature`):
 * removes every `signature` key, signs the rest, compares in constant time (HMAC verify), and says
 * whether the payload is ambiguous. Accepts the object or its JSON text. Never throws.
 */
export async function checkSignature(payload: unknown, secretKey: string): Promise<SignatureCheck> {
  let data = payload;
  if (typeof data === 'string') {
    if (data.length > SIGNATURE_LIMITS.text) return { valid: false, signed: false, reason: 'too-large' };
    try {
      data = JSON.parse(data);
    } catch {
      return { valid: false, signed: false, reason: 'not-json' };
    }
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data) || !secretKey) {
    return { valid: false, signed: false, reason: 'not-an-object' };
  }
  const bounds = findAmbiguity(data);
  if (bounds?.reason === 'too-deep' || bounds?.reason === 'too-large') return { valid: false, signed: false, reason: bounds.reason };
  try {
    const { rest, signature } = withoutSignature(data);
    if (typeof signature !== 'string') return { valid: false, signed: false, reason: 'no-signature' };
    const bytes = signatureBytes(signature);
    if (!bytes) return { valid: false, signed: false, reason: 'bad-encoding' };
    const key = await hmacKey(secretKey);
    const signed = await crypto.subtle.verify('HMAC', key, bytes, encoder.encode(signatureString(rest as object)));
    if (!signed) return { valid: false, signed: false, reason: 'mismatch' };
    // Within bounds (checked above), so the only problem left to find is an ambiguous key or value.
    const ambiguity = findAmbiguity(rest) as { path: string; reason: 'ambiguous-key' | 'ambiguous-value' } | null;
    const content = signedContent(rest) as Record<string, unknown>;
    return ambiguity
      ? { valid: false, signed: true, reason: 'ambiguous', path: ambiguity.path, rule: ambiguity.reason, payload: content, signature }
      : { valid: true, signed: true, payload: content, signature };
  } catch {
    // A getter that throws, a proxy, a cycle past the bounds: not a payload anyone signed.
    return { valid: false, signed: false, reason: 'not-an-object' };
  }
}

/**
 * `true` when the payload carries a valid signature of exactly this object: signed with the key
 * and unambiguous (SPEC §11). Accepts the object or its JSON text. Never throws.
 * For callbacks, prefer `createCallbackHandler`, which also holds ambiguous callbacks for review.
 */
export async function verifySignature(payload: unknown, secretKey: string): Promise<boolean> {
  return (await checkSignature(payload, secretKey)).valid;
}
