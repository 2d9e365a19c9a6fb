import { and, eq, ne, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { appMeta, sessions, users } from "../db/schema";
import { applyCredits } from "../modules/credits/credits.repo";

export const FIRST_ADMIN_KEY = "first_admin";

/** The onboarding checklist a new account starts with. */
export const INITIAL_ONBOARDING: Record<string, boolean> = {
  welcome: false,
  profile: false,
  firstGeneration: false,
  firstProject: false,
};

/** Atomically claims "first user of this install": true for exactly one caller, ever. */
export async function claimFirstAdmin(db: Db, email: string): Promise<boolean> {
  const rows = await db
    .insert(appMeta)
    .values({ key: FIRST_ADMIN_KEY, value: { email, at: new Date().toISOString() } })
    .onConflictDoNothing()
    .returning({ key: appMeta.key });
  return rows.length === 1;
}

/** Welcome credits (a "grant" transaction) and the onboarding state, in one transaction. */
export async function setUpNewUser(db: Db, userId: string, credits: number) {
  await db.transaction(async (tx) => {
    if (credits > 0)
      await applyCredits(tx as unknown as Db, { userId, amount: credits, kind: "grant", note: "Welcome credits" });
    await tx.update(users).set({ onboardingState: INITIAL_ONBOARDING }).where(eq(users.id, userId));
  });
}

export async function signInState(db: Db, userId: string) {
  const [row] = await db
    .select({ isActive: users.isActive, banned: users.banned, banExpires: users.banExpires })
    .from(users)
    .where(eq(users.id, userId));
  return row;
}

export async function liftBan(db: Db, userId: string) {
  await db.update(users).set({ banned: false, banReason: null, banExpires: null }).where(eq(users.id, userId));
}

export async function recordLogin(db: Db, userId: string, promoteToAdmin: boolean) {
  await db
    .update(users)
    .set({ lastLogin: sql`now()`, ...(promoteToAdmin ? { role: "admin" } : {}) })
    .where(eq(users.id, userId));
}

/** Whether the user already has another live session from this browser (then a sign-in isn't "new"). */
export async function knownDevice(db: Db, userId: string, userAgent: string, exceptToken: string): Promise<boolean> {
  const rows = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(
      and(
        eq(sessions.userId, userId),
        eq(sessions.userAgent, userAgent),
        ne(sessions.token, exceptToken),
        sql`${sessions.expiresAt} > now()`,
      ),
    )
    .limit(1);
  return rows.length > 0;
}

export async function touchSession(db: Db, sessionId: string) {
  await db.update(sessions).set({ updatedAt: new Date() }).where(eq(sessions.id, sessionId));
}

export async function deleteSessionById(db: Db, sessionId: string) {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Every session of the user but one (a password change keeps the device that made it signed in). */
export async function deleteSessionsExcept(db: Db, userId: string, keepSessionId: string): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)));
}
