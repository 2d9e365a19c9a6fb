/**
 * fal webhook verification (reference §3): Ed25519 over
 * `request_id \n user_id \n timestamp \n hex(sha256(raw body))`, timestamps within ±300 s, every JWKS key tried.
 * Verify the raw bytes before parsing anything.
 */
import { createHash, createPublicKey, type KeyObject, verify } from "node:crypto";
import { z } from "zod";

export const DEFAULT_JWKS_URL = "https://rest.alpha.fal.ai/.well-known/jwks.json";
export const WEBHOOK_TOLERANCE_SECONDS = 300;

export interface Jwk {
  kty?: string;
  crv?: string;
  x: string;
  kid?: string;
}

/** Where verification gets keys: cached keys, and (optionally) a forced refetch after a failed verification. */
export interface JwksProvider {
  getKeys(): Promise<Jwk[]>;
  /** Fetches again unless that was done very recently; resolves undefined when it did not refetch. */
  refresh?(): Promise<Jwk[] | undefined>;
}

export type HeaderBag = Headers | Record<string, string | string[] | undefined>;

export type WebhookCheck =
  | { ok: true; requestId: string; userId: string; timestamp: number }
  | { ok: false; reason: "missing_headers" | "bad_timestamp" | "stale_timestamp" | "bad_signature" };

function header(headers: HeaderBag, name: string): string | undefined {
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name) ?? undefined;
  const rec = headers as Record<string, string | string[] | undefined>;
  const key = Object.keys(rec).find((k) => k.toLowerCase() === name);
  const v = key === undefined ? undefined : rec[key];
  return Array.isArray(v) ? v[0] : v;
}

const keyCache = new Map<string, KeyObject | null>();
function publicKey(jwk: Jwk): KeyObject | null {
  let key = keyCache.get(jwk.x);
  if (key === undefined) {
    try {
      key = createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: jwk.x }, format: "jwk" });
    } catch {
      key = null;
    }
    if (keyCache.size > 100) keyCache.clear();
    keyCache.set(jwk.x, key);
  }
  return key;
}

function signedBy(keys: Jwk[], message: Buffer, signature: Buffer): boolean {
  return keys.some((k) => {
    if ((k.kty && k.kty !== "OKP") || (k.crv && k.crv !== "Ed25519") || typeof k.x !== "string") return false;
    const key = publicKey(k);
    if (!key) return false;
    try {
      return verify(null, message, key, signature);
    } catch {
      return false;
    }
  });
}

/** Verifies a webhook and says why it failed. `now` is in seconds. */
export async function checkFalWebhook(
  rawBody: Buffer,
  headers: HeaderBag,
  jwks: JwksProvider,
  now = Date.now() / 1000,
): Promise<WebhookCheck> {
  const requestId = header(headers, "x-fal-webhook-request-id");
  const userId = header(headers, "x-fal-webhook-user-id");
  const ts = header(headers, "x-fal-webhook-timestamp");
  const sigHex = header(headers, "x-fal-webhook-signature");
  if (!requestId || !userId || !ts || !sigHex) return { ok: false, reason: "missing_headers" };
  if (!/^\d{1,12}$/.test(ts)) return { ok: false, reason: "bad_timestamp" };
  const timestamp = Number(ts);
  if (Math.abs(now - timestamp) > WEBHOOK_TOLERANCE_SECONDS) return { ok: false, reason: "stale_timestamp" };
  if (!/^[0-9a-f]{128}$/i.test(sigHex)) return { ok: false, reason: "bad_signature" };
  const message = Buffer.from(
    [requestId, userId, ts, createHash("sha256").update(rawBody).digest("hex")].join("\n"),
    "utf8",
  );
  const signature = Buffer.from(sigHex, "hex");
  if (signedBy(await jwks.getKeys(), message, signature)) return { ok: true, requestId, userId, timestamp };
  // fal may have rotated its keys since we cached them: look once more (rate-limited by the provider).
  const fresh = await jwks.refresh?.();
  if (fresh && signedBy(fresh, message, signature)) return { ok: true, requestId, userId, timestamp };
  return { ok: false, reason: "bad_signature" };
}

export async function verifyFalWebhook(
  rawBody: Buffer,
  headers: HeaderBag,
  jwks: JwksProvider,
  now?: number,
): Promise<boolean> {
  return (await checkFalWebhook(rawBody, headers, jwks, now)).ok;
}

export interface JwksCacheOptions {
  url?: string;
  /** How long fetched keys are trusted (default 24 h). */
  ttlMs?: number;
  /** Minimum time between forced refetches after failed verifications (default 60 s). */
  minRefreshIntervalMs?: number;
  timeoutMs?: number;
  fetch?: typeof fetch;
  now?: () => number;
}

const jwksSchema = z.object({
  keys: z.array(
    z
      .object({ kty: z.string().optional(), crv: z.string().optional(), x: z.string(), kid: z.string().optional() })
      .loose(),
  ),
});

/**
 * fal's JWKS, cached ~24 h. When no keys can be fetched at all, getKeys() throws (the webhook route then
 * answers 5xx and fal delivers again later); stale keys are used if a refetch fails.
 */
export class JwksCache implements JwksProvider {
  readonly url: string;
  private keys?: Jwk[];
  private fetchedAt = 0;
  private lastAttempt = -Infinity;
  private inflight?: Promise<Jwk[]>;

  constructor(private readonly opts: JwksCacheOptions = {}) {
    this.url = opts.url ?? DEFAULT_JWKS_URL;
  }

  private now() {
    return this.opts.now?.() ?? Date.now();
  }

  async getKeys(): Promise<Jwk[]> {
    if (this.keys && this.now() - this.fetchedAt < (this.opts.ttlMs ?? 24 * 3600_000)) return this.keys;
    try {
      return await this.load();
    } catch (err) {
      if (this.keys) return this.keys;
      throw err;
    }
  }

  async refresh(): Promise<Jwk[] | undefined> {
    if (this.now() - this.lastAttempt < (this.opts.minRefreshIntervalMs ?? 60_000)) return undefined;
    try {
      return await this.load();
    } catch {
      return undefined;
    }
  }

  private load(): Promise<Jwk[]> {
    this.inflight ??= this.fetchKeys().finally(() => {
      this.inflight = undefined;
    });
    return this.inflight;
  }

  private async fetchKeys(): Promise<Jwk[]> {
    this.lastAttempt = this.now();
    const res = await (this.opts.fetch ?? globalThis.fetch)(this.url, {
      headers: { accept: "application/json" },
      signal: AbortSignal.timeout(this.opts.timeoutMs ?? 10_000),
    });
    if (!res.ok) throw new Error(`JWKS fetch from ${this.url} failed: HTTP ${res.status}`);
    const parsed = jwksSchema.parse(await res.json());
    const keys = parsed.keys.filter((k) => (!k.crv || k.crv === "Ed25519") && (!k.kty || k.kty === "OKP"));
    this.keys = keys;
    this.fetchedAt = this.now();
    return keys;
  }
}

export const falWebhookBodySchema = z.object({
  request_id: z.string().min(1),
  gateway_request_id: z.string().nullish(),
  status: z.enum(["OK", "ERROR"]),
  payload: z
    .unknown()
    .optional()
    .transform((v) => v ?? null),
  error: z.string().nullish(),
  payload_error: z.string().nullish(),
});
export type FalWebhookBody = z.infer<typeof falWebhookBodySchema>;

/** The webhook JSON (already parsed from the verified raw body). Throws a ZodError when it is not fal's shape. */
export function parseWebhookBody(json: unknown): FalWebhookBody {
  return falWebhookBodySchema.parse(json);
}
