import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { config as loadDotenv } from "dotenv";
import { z } from "zod";

/**
 * The only reader of process.env on the server. Parsed once; a bad key stops start-up with one clear line.
 */
const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");
const optionalUrl = z.url().optional();
const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  /** The public origin, used for links in mail and OAuth callbacks. Default: http://localhost:<PORT>. */
  APP_URL: z.url().optional(),
  DATA_DIR: z.string().default("./data"),
  DATABASE_URL: optionalUrl,
  S3_ENDPOINT: optionalUrl,
  S3_REGION: z.string().default("us-east-1"),
  S3_BUCKET: z.string().optional(),
  S3_ACCESS_KEY: z.string().optional(),
  S3_SECRET_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: bool.default(true),
  /** With S3: file routes answer a 302 to a presigned URL valid this long (0 = stream through the API). */
  FILE_URL_TTL_SECONDS: z.coerce.number().int().min(0).max(3600).default(300),
  /** The S3 endpoint as browsers reach it, when it differs from S3_ENDPOINT. */
  S3_PUBLIC_ENDPOINT: optionalUrl,
  /** A CDN in front of the bucket (forwarding path and query); presigned URLs point at it. */
  CDN_URL: optionalUrl,
  FAL_KEY: z.string().regex(/^[^:\s]+:[^:\s]+$/, "must look like <key_id>:<key_secret>").optional(),
  FAL_QUEUE_URL: z.url().default("https://queue.fal.run"),
  FAL_JWKS_URL: z.url().default("https://rest.alpha.fal.ai/.well-known/jwks.json"),
  FAL_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(2),
  FAL_WEBHOOKS: z.enum(["auto", "on", "off"]).default("auto"),
  SMTP_URL: optionalUrl,
  MAIL_FROM: z.string().default("Image Studio <no-reply@localhost>"),
  /**
   * Who may read the dev mailbox (used while SMTP_URL is unset): local = only requests whose socket comes from
   * this machine (the default in every mode: the mail holds sign-in links), open = anyone (explicit opt-in, for a
   * trusted network), off = nobody.
   */
  DEV_MAILBOX: z.enum(["open", "local", "off"]).default("local"),
  BETTER_AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  GITHUB_CLIENT_ID: z.string().optional(),
  GITHUB_CLIENT_SECRET: z.string().optional(),
  GOOGLE_CLIENT_ID: z.string().optional(),
  GOOGLE_CLIENT_SECRET: z.string().optional(),
  ADMIN_EMAILS: z
    .string()
    .default("")
    .transform((s) =>
      s
        .split(",")
        .map((e) => e.trim().toLowerCase())
        .filter(Boolean),
    ),
  SIGNUP_CREDITS: z.coerce.number().int().min(0).default(500),
  WORKER_IN_PROCESS: bool.default(true),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  USER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  /** Most jobs one batch may make (prompts × seeds × models). */
  BATCH_MAX_JOBS: z.coerce.number().int().min(1).max(100_000).default(500),
  /** How often a worker renews its jobs' leases and every process its heartbeat row (ms). */
  WORKER_HEARTBEAT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  /** A job whose worker stopped renewing is taken over this long after the last renewal (ms); ≥ 2 heartbeats. */
  WORKER_LEASE_MS: z.coerce.number().int().min(500).max(600_000).default(15_000),
  /** Standalone worker: serve /live and /ready on this port (unset: no health server; 0: any free port, logged). */
  WORKER_HEALTH_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** Apply pending migrations at start-up; false when a deploy step runs `pnpm db:migrate` first. */
  MIGRATE_ON_START: bool.default(true),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  TRUST_PROXY: bool.default(false),
  // Abuse limits (issue 13 item 6): guests, storage and image decoding.
  /** Guest ("Try demo") accounts one client address may create per hour and per day. */
  GUESTS_PER_IP_HOUR: z.coerce.number().int().min(0).default(3),
  GUESTS_PER_IP_DAY: z.coerce.number().int().min(0).default(10),
  /** Storage per user in MB (images, trash and uploads); 0 = unlimited. Admins are never limited. */
  STORAGE_QUOTA_MB: z.coerce.number().int().min(0).default(2048),
  GUEST_STORAGE_QUOTA_MB: z.coerce.number().int().min(0).default(100),
  /** Uploads one user may make per hour. */
  UPLOADS_PER_HOUR: z.coerce.number().int().min(1).default(120),
  /** Hours after which an upload that no job uses is deleted. */
  UPLOAD_TTL_HOURS: z.coerce.number().min(1).default(24),
  /** The largest image an upload may be, in megapixels. */
  UPLOAD_MAX_MEGAPIXELS: z.coerce.number().min(1).max(268).default(25),
  /** Full image decodes (uploads, engine outputs) run at once in the decode pool's worker threads. */
  DECODE_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
  /** On SIGTERM: how long in-flight requests and running jobs may take before they are cut off / released. */
  SHUTDOWN_DRAIN_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  /** Stripe Checkout top-ups: both set = users can buy credits; unset = no purchase anywhere (routes answer 404). */
  STRIPE_SECRET_KEY: z.string().min(8).optional(),
  /** The signing secret of the Stripe webhook endpoint (POST /api/webhooks/stripe), `whsec_…`. */
  STRIPE_WEBHOOK_SECRET: z.string().min(8).optional(),
  /** Where the Stripe API answers (default Stripe's own); point it at stripe-mock or a test server. */
  STRIPE_API_URL: optionalUrl,
  /** Bearer token for GET /metrics (Prometheus); unset = the endpoint answers 404. */
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  // Developer platform (issue 17): API keys and outgoing webhooks.
  /** Requests one API key may make per minute (counted in the shared rate-limit table). */
  API_KEY_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  /** Allow webhook endpoints on private, loopback and link-local addresses (development and tests only). */
  WEBHOOK_ALLOW_PRIVATE_TARGETS: bool.default(false),
  /** How often the worker looks for webhook deliveries that are due (ms). */
  WEBHOOK_DELIVERY_INTERVAL_MS: z.coerce.number().int().min(200).max(600_000).default(5000),
});

/** Every key the server reads (for checks that .env.example documents them all). */
export const ENV_KEYS = Object.keys(schema.shape);

type Raw = z.infer<typeof schema>;
export type Env = Omit<Raw, "BETTER_AUTH_SECRET" | "APP_URL"> & {
  BETTER_AUTH_SECRET: string;
  APP_URL: string;
  dataDir: string;
  storage: { driver: "local"; root: string } | { driver: "s3"; endpoint?: string; region: string; bucket: string; accessKeyId: string; secretAccessKey: string; forcePathStyle: boolean; signedUrls?: { ttlSeconds: number; publicEndpoint?: string; cdnUrl?: string } };
  isProduction: boolean;
};

export class EnvError extends Error {
  override name = "EnvError";
}

/** Parse an environment (defaults to process.env after loading `.env`). Throws EnvError naming the key. */
export function parseEnv(source: Record<string, string | undefined> = loadProcessEnv()): Env {
  const cleaned = Object.fromEntries(Object.entries(source).map(([k, v]) => [k, emptyToUndefined(v)]));
  if (!cleaned.FAL_KEY && cleaned.FAL_API_KEY) cleaned.FAL_KEY = cleaned.FAL_API_KEY;
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = issue.path.join(".") || "environment";
    throw new EnvError(`Invalid configuration: ${key} ${issue.message}`);
  }
  const raw = parsed.data;
  if (raw.WORKER_LEASE_MS < 2 * raw.WORKER_HEARTBEAT_MS) {
    throw new EnvError("Invalid configuration: WORKER_LEASE_MS must be at least twice WORKER_HEARTBEAT_MS");
  }
  const isProduction = raw.NODE_ENV === "production";
  const dataDir = path.resolve(raw.DATA_DIR);
  return {
    ...raw,
    dataDir,
    isProduction,
    BETTER_AUTH_SECRET: raw.BETTER_AUTH_SECRET ?? devSecret(dataDir, isProduction),
    APP_URL: raw.APP_URL ?? `http://localhost:${raw.PORT}`,
    storage: storageConfig(raw, dataDir),
  };
}

function storageConfig(raw: Raw, dataDir: string): Env["storage"] {
  const s3Keys = [raw.S3_BUCKET, raw.S3_ACCESS_KEY, raw.S3_SECRET_KEY];
  if (!raw.S3_ENDPOINT && s3Keys.every((v) => !v)) return { driver: "local", root: path.join(dataDir, "objects") };
  const missing = (["S3_BUCKET", "S3_ACCESS_KEY", "S3_SECRET_KEY"] as const).filter((k) => !raw[k]);
  if (missing.length) throw new EnvError(`Invalid configuration: ${missing[0]} is required when S3 storage is configured`);
  return {
    driver: "s3",
    endpoint: raw.S3_ENDPOINT,
    region: raw.S3_REGION,
    bucket: raw.S3_BUCKET!,
    accessKeyId: raw.S3_ACCESS_KEY!,
    secretAccessKey: raw.S3_SECRET_KEY!,
    forcePathStyle: raw.S3_FORCE_PATH_STYLE,
    signedUrls: { ttlSeconds: raw.FILE_URL_TTL_SECONDS, publicEndpoint: raw.S3_PUBLIC_ENDPOINT, cdnUrl: raw.CDN_URL },
  };
}

/** Outside production a missing secret is generated once and kept in DATA_DIR, so sessions survive restarts. */
function devSecret(dataDir: string, isProduction: boolean): string {
  if (isProduction) throw new EnvError("Invalid configuration: BETTER_AUTH_SECRET is required in production");
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function loadProcessEnv(): Record<string, string | undefined> {
  loadDotenv({ quiet: true });
  return process.env;
}

let cached: Env | undefined;
/** The process's env, parsed on first use. */
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}
