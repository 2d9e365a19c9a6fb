import { PGlite } from "@electric-sql/pglite";
import type { Database } from "../db/client";
import type { SessionFacts } from "./session-fast";

/**
 * The session check's answers, remembered — on PGlite only, where it is exact.
 *
 * PGlite is one PostgreSQL session inside this process: nothing else can write to its database. Triggers on the
 * tables the check reads (`users`, `sessions`, `accounts`) notify on every statement that changes them, and PGlite
 * hands this process the notification before the writing statement (or its transaction's COMMIT) resolves — so by
 * the time any sign-out, revocation, ban, deactivation, role or password change has returned, every remembered
 * answer is forgotten, and the next request reads the rows again. A read that was under way while a write happened
 * is not remembered (the generation moved). Time-based rules (expiry, the sliding refresh, bans that end, the idle
 * timeout) are still judged on every request from the remembered rows. On PostgreSQL nothing is remembered: other
 * processes write to it, and the session check reads the rows on every request (session-fast.ts).
 */
export class SessionCache {
  private readonly entries = new Map<string, { facts: SessionFacts; at: number }>();
  /** Moves on every change to the tables the check reads: a read begun before it is not remembered. */
  private generation = 0;

  constructor(
    private readonly max = 10_000,
    /** A bound on an answer's age even with nothing written (insurance: the notifications are what keep it exact). */
    private readonly maxAgeMs = 60_000,
  ) {}

  /** The remembered answer for this token, if it has what the caller needs (the whole account, or not). */
  get(token: string, withAccount: boolean, now = Date.now()): SessionFacts | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (now - entry.at > this.maxAgeMs) {
      this.entries.delete(token);
      return undefined;
    }
    return withAccount && !entry.facts.account ? undefined : entry.facts;
  }

  /** Where a read starts: pass it to `set` with what the read found. */
  mark(): number {
    return this.generation;
  }

  set(token: string, facts: SessionFacts, mark: number, now = Date.now()): void {
    if (mark !== this.generation) return;
    if (!this.entries.has(token) && this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
    // Shared by every request that reads it until it is forgotten: frozen, so none can change it for the others.
    this.entries.set(token, { facts: deepFreeze(facts), at: now });
  }

  /** Something the check reads has changed: forget everything. */
  clear(): void {
    this.generation++;
    this.entries.clear();
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value) && !(value instanceof Date)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

const AUTH_CHANGED_CHANNEL = "image_studio_auth_changed";

/** The tables whose rows the session check reads (session-fast.ts's two queries). */
const WATCHED = ["users", "sessions", "accounts"] as const;

/**
 * Installed on the PGlite's own database each time a process opens it (after its migrations): never part of the
 * schema, so a PostgreSQL database never has them and pays no NOTIFY on its writes.
 */
const INSTALL = `
CREATE OR REPLACE FUNCTION ${AUTH_CHANGED_CHANNEL}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('${AUTH_CHANGED_CHANNEL}', '');
  RETURN NULL;
END $$;
${WATCHED.map(
  (table) => `CREATE OR REPLACE TRIGGER ${AUTH_CHANGED_CHANNEL}_${table} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${table}"
  FOR EACH STATEMENT EXECUTE FUNCTION ${AUTH_CHANGED_CHANNEL}();`,
).join("\n")}
`;

const caches = new WeakMap<Database, Promise<SessionCache | undefined>>();

/**
 * This database's session cache: on PGlite, made on first use (the triggers installed and listened to before it
 * answers anything); on PostgreSQL, none. If the install fails, none either — the check reads the rows as before.
 */
export function sessionCacheFor(database: Database, onError?: (err: unknown) => void): Promise<SessionCache | undefined> {
  let cache = caches.get(database);
  if (!cache) {
    cache = install(database).catch((err) => {
      onError?.(err);
      return undefined;
    });
    caches.set(database, cache);
  }
  return cache;
}

async function install(database: Database): Promise<SessionCache | undefined> {
  const client = (database.db as unknown as { $client?: unknown }).$client;
  if (database.kind !== "pglite" || !(client instanceof PGlite)) return undefined;
  const cache = new SessionCache();
  await client.listen(AUTH_CHANGED_CHANNEL, () => cache.clear());
  await client.exec(INSTALL);
  return cache;
}
