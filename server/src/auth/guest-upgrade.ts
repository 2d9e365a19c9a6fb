import { and, eq } from "drizzle-orm";
import { msg } from "../i18n/api";
import type { Deps, SessionUser } from "../context";
import type { Db } from "../db/client";
import { accounts, users } from "../db/schema";
import { AppError } from "../lib/errors";
import { applyCredits } from "../modules/credits/credits.repo";
import type { Auth } from "./auth";
import type { Mailer } from "./mail/mailer";
import { existingAccountMail } from "./mail/templates";
import { consume } from "./rate-limit";

/**
 * A guest becomes a full account without moving anything: the same user row (same id, so every image, project
 * and job stays where it is) gets the email, name and a password; the verification mail goes out, and when the
 * link is opened (Better Auth's /verify-email) the guest flag drops and the welcome credits are topped up to a
 * new account's.
 */

export interface UpgradeInput {
  name: string;
  email: string;
  password: string;
}

const isUniqueViolation = (err: unknown) =>
  typeof err === "object" &&
  err !== null &&
  ((err as { code?: string }).code === "23505" || /unique/i.test(String((err as Error).message)));

/** Email, name and password on the guest's own row. false when the address belongs to another account. */
async function claimEmail(db: Db, userId: string, input: UpgradeInput, hash: string): Promise<boolean> {
  try {
    return await db.transaction(async (tx) => {
      const updated = await tx
        .update(users)
        .set({ email: input.email, name: input.name, emailVerified: false })
        .where(and(eq(users.id, userId), eq(users.isAnonymous, true)))
        .returning({ id: users.id });
      if (!updated.length) throw new AppError("CONFLICT", msg("guest.alreadyFull"));
      await tx.delete(accounts).where(and(eq(accounts.userId, userId), eq(accounts.providerId, "credential")));
      await tx.insert(accounts).values({ userId, accountId: userId, providerId: "credential", password: hash });
      return true;
    });
  } catch (err) {
    if (isUniqueViolation(err)) return false;
    throw err;
  }
}

/**
 * Step 1 (POST /api/auth/guest/upgrade). Known and new addresses get the same answer, as on sign-up (no account
 * enumeration): a taken address gets the "you already have an account" notice and the guest stays a guest.
 * `sendVerification` asks Better Auth to mail the link for the guest's (now real) address.
 */
export async function startGuestUpgrade(
  deps: Deps,
  auth: Auth,
  mailer: Mailer,
  user: SessionUser,
  input: UpgradeInput,
  sendVerification: (email: string) => Promise<void>,
): Promise<void> {
  if (!user.isGuest) throw new AppError("CONFLICT", msg("guest.alreadyFull"));
  const db = deps.database.db;
  const decision = await consume(db, `guest-upgrade:${user.id}`, { window: 3600, max: 5 });
  if (!decision.allowed) {
    throw new AppError("RATE_LIMITED", msg("rateLimit.tryAgainIn", { seconds: decision.retryAfter ?? 60 }), undefined, {
      "Retry-After": String(decision.retryAfter),
    });
  }
  const email = input.email.trim().toLowerCase();
  const [owner] = await db.select({ id: users.id, name: users.name, language: users.language }).from(users).where(eq(users.email, email));
  const hash = await (await auth.$context).password.hash(input.password);
  const taken = owner !== undefined && owner.id !== user.id;
  if (taken || !(await claimEmail(db, user.id, { ...input, email }, hash))) {
    const appUrl = deps.env.APP_URL.replace(/\/$/, "");
    await mailer.deliver(
      email,
      existingAccountMail(appUrl, { name: owner?.name ?? "", language: owner?.language, signInUrl: `${appUrl}/sign-in` }),
    );
    return;
  }
  await sendVerification(email);
}

/**
 * Step 2, from Better Auth's user-update hook once the guest's address is verified: the guest flag drops and
 * the welcome credits are topped up to what a new account gets. Runs once: the flag is cleared atomically.
 */
export async function completeGuestUpgrade(deps: Deps, userId: string, guestCredits: number): Promise<boolean> {
  return deps.database.db.transaction(async (tx) => {
    const done = await tx
      .update(users)
      .set({ isAnonymous: false })
      .where(and(eq(users.id, userId), eq(users.isAnonymous, true), eq(users.emailVerified, true)))
      .returning({ id: users.id });
    if (!done.length) return false;
    const topUp = Math.max(0, deps.env.SIGNUP_CREDITS - guestCredits);
    if (topUp > 0)
      await applyCredits(tx as unknown as Db, {
        userId,
        amount: topUp,
        kind: "grant",
        note: "Welcome credits (account created)",
      });
    return true;
  });
}
