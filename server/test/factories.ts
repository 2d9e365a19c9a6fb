import { randomUUID } from "node:crypto";
import type { Ctx, Deps, SessionUser } from "../src/context";
import { users } from "../src/db/schema";

/** A user row made directly, for service-level tests that do not go through sign-up. */
export async function createUser(deps: Deps, opts: { credits?: number; role?: string } = {}): Promise<SessionUser> {
  const email = `user-${randomUUID()}@example.test`;
  const [row] = await deps.database.db
    .insert(users)
    .values({ name: "Test User", email, emailVerified: true, creditsBalance: opts.credits ?? 1000, role: opts.role ?? "user" })
    .returning();
  return { id: row!.id, email, name: row!.name, role: row!.role };
}

export function ctxFor(deps: Deps, user: SessionUser): Ctx {
  return { db: deps.database.db, deps, user, log: deps.log, now: new Date() };
}

/** Polls until `check` returns a truthy value (or throws after `timeoutMs`). */
export async function waitFor<T>(check: () => Promise<T | undefined | null | false>, timeoutMs = 15_000, stepMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error("waitFor timed out");
    await new Promise((r) => setTimeout(r, stepMs));
  }
}
