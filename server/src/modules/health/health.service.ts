import type { Health } from "@image-studio/shared";
import { sql } from "drizzle-orm";
import type { Deps } from "../../context";

async function timed<T>(fn: () => Promise<T>): Promise<{ value?: T; error?: unknown; ms: number }> {
  const started = performance.now();
  try {
    const value = await fn();
    return { value, ms: Math.round(performance.now() - started) };
  } catch (error) {
    return { error, ms: Math.round(performance.now() - started) };
  }
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export async function checkHealth(deps: Deps): Promise<Health> {
  const [db, storage] = await Promise.all([
    timed(() => deps.database.db.execute(sql`select 1`)),
    timed(() => deps.storage.check()),
  ]);
  const storageOk = !storage.error && storage.value?.ok === true;
  const falConfigured = Boolean(deps.env.FAL_KEY);
  const health: Health = {
    status: "ok",
    version: deps.version,
    uptimeSeconds: Math.round(process.uptime()),
    database: {
      ok: !db.error,
      kind: deps.database.kind,
      latencyMs: db.ms,
      ...(db.error ? { detail: message(db.error) } : {}),
    },
    storage: {
      ok: storageOk,
      kind: deps.storage.kind,
      latencyMs: storage.ms,
      ...(storageOk ? {} : { detail: storage.error ? message(storage.error) : storage.value?.detail }),
    },
    imageEngine: {
      ok: true,
      kind: falConfigured ? "fal" : "local",
      label: falConfigured ? "fal.ai" : "Local sketch engine (not AI)",
    },
    mail: { ok: true, kind: deps.env.SMTP_URL ? "smtp" : "dev-mailbox" },
  };
  if (!health.database.ok || !health.storage.ok) health.status = "degraded";
  return health;
}
