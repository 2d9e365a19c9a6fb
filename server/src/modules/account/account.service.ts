import type { MeResponse, MeUser, SessionInfo, UpdateProfileRequest } from "@image-studio/shared";
import type { Ctx } from "../../context";
import type { Db } from "../../db/client";
import { notFound, unauthorized } from "../../lib/errors";
import { parseUserAgent } from "../../auth/user-agent";
import * as repo from "./account.repo";

export interface CurrentSession {
  id: string;
  createdAt: Date;
  expiresAt: Date;
}

const iso = (d: Date | string) => new Date(d).toISOString();

export function toMeUser(row: repo.UserRow, hasPassword: boolean, isAdmin: boolean): MeUser {
  const prefs = row.preferences ?? {};
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    image: row.image,
    emailVerified: row.emailVerified,
    role: isAdmin ? "admin" : row.role,
    twoFactorEnabled: row.twoFactorEnabled,
    creditsBalance: row.creditsBalance,
    subscriptionTier: row.subscriptionTier,
    timezone: row.timezone,
    language: row.language,
    publicAvatar: prefs.publicAvatar !== false,
    sessionTimeoutMinutes: typeof prefs.sessionTimeoutMinutes === "number" ? prefs.sessionTimeoutMinutes : null,
    onboardingState: row.onboardingState ?? {},
    hasPassword,
    isGuest: row.isAnonymous,
    createdAt: iso(row.createdAt),
    lastLogin: row.lastLogin ? iso(row.lastLogin) : null,
  };
}

/** The account as the client sees it (used by /me, sign-in and profile answers). */
export async function loadMeUser(db: Db, userId: string, adminEmails: string[], preloaded?: AccountRow): Promise<MeUser> {
  const found = preloaded ?? (await repo.findUserWithPasswordFlag(db, userId));
  if (!found) throw unauthorized();
  return toMeUser(found.user, found.hasPassword, adminEmails.includes(found.user.email.toLowerCase()));
}

type AccountRow = { user: repo.UserRow; hasPassword: boolean };

/** `preloaded`: the account the session check already read for this request (auth/session.ts), if it did. */
export async function me(ctx: Ctx, session: CurrentSession, preloaded?: AccountRow): Promise<MeResponse> {
  return {
    user: await loadMeUser(ctx.db, ctx.user.id, ctx.deps.env.ADMIN_EMAILS, preloaded),
    session: { id: session.id, createdAt: iso(session.createdAt), expiresAt: iso(session.expiresAt) },
  };
}

export async function updateProfile(ctx: Ctx, input: UpdateProfileRequest): Promise<MeUser> {
  const { name, timezone, language, publicAvatar, sessionTimeoutMinutes } = input;
  if (name !== undefined || timezone !== undefined || language !== undefined) {
    await repo.updateUser(ctx.db, ctx.user.id, { name, timezone, language });
  }
  const prefs: Record<string, unknown> = {};
  if (publicAvatar !== undefined) prefs.publicAvatar = publicAvatar;
  if (sessionTimeoutMinutes !== undefined) prefs.sessionTimeoutMinutes = sessionTimeoutMinutes;
  if (Object.keys(prefs).length) await repo.mergePreferences(ctx.db, ctx.user.id, prefs);
  if (name !== undefined) await repo.setOnboardingStep(ctx.db, ctx.user.id, "profile", true);
  return loadMeUser(ctx.db, ctx.user.id, ctx.deps.env.ADMIN_EMAILS);
}

export async function listSessions(ctx: Ctx, currentId: string): Promise<SessionInfo[]> {
  const rows = await repo.listSessions(ctx.db, ctx.user.id);
  return rows
    .map((s) => ({
      id: s.id,
      current: s.id === currentId,
      ...parseUserAgent(s.userAgent),
      ipAddress: s.ipAddress || null,
      createdAt: iso(s.createdAt),
      lastSeenAt: iso(s.updatedAt),
      expiresAt: iso(s.expiresAt),
    }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}

/** Someone else's (or an unknown) session is a 404, like every resource that isn't yours. */
export async function revokeSession(ctx: Ctx, sessionId: string): Promise<void> {
  if (!(await repo.deleteSession(ctx.db, ctx.user.id, sessionId))) throw notFound("session");
}

export async function revokeOtherSessions(ctx: Ctx, currentId: string): Promise<{ revoked: number }> {
  return { revoked: await repo.deleteOtherSessions(ctx.db, ctx.user.id, currentId) };
}

export async function revokeAllSessions(ctx: Ctx): Promise<{ revoked: number }> {
  return { revoked: await repo.deleteAllSessions(ctx.db, ctx.user.id) };
}

export async function setOnboarding(ctx: Ctx, input: { step: string; done: boolean }) {
  return { onboardingState: await repo.setOnboardingStep(ctx.db, ctx.user.id, input.step, input.done) };
}
