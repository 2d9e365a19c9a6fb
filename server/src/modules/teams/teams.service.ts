import { msg } from "../../i18n/api";
import {
  roleAtLeast,
  TEAM_INVITE_DAYS,
  TEAM_MAX_MEMBERS,
  type TeamDetail,
  type TeamInvitation,
  type TeamRole,
  type TeamSummary,
} from "@image-studio/shared";
import type { Ctx } from "../../context";
import { createOnce } from "../../lib/create-once";
import { AppError, notFound } from "../../lib/errors";
import { sendInvitation } from "./teams.mail";
import * as repo from "./teams.repo";

/** Teams: create, rename, delete; members and their roles; invitations by e-mail. Non-members get 404. */

type SummaryRow = Awaited<ReturnType<typeof repo.teamsOf>>[number];
const toSummary = (r: SummaryRow): TeamSummary => ({
  id: r.id,
  name: r.name,
  myRole: r.myRole,
  memberCount: r.memberCount,
  projectCount: r.projectCount,
  createdAt: r.createdAt.toISOString(),
});

type InvitationRow = Awaited<ReturnType<typeof repo.pendingInvitations>>[number];
const toInvitation = (r: InvitationRow): TeamInvitation => ({
  ...r,
  invitedByName: r.invitedByName ?? null,
  expiresAt: r.expiresAt.toISOString(),
  createdAt: r.createdAt.toISOString(),
});

export const list = async (ctx: Ctx): Promise<TeamSummary[]> => (await repo.teamsOf(ctx.db, ctx.user.id)).map(toSummary);

/** The caller's membership of a team with at least `min` (404 for non-members, 403 for members below it). */
export async function membership(ctx: Ctx, teamId: string, min: TeamRole = "viewer"): Promise<TeamRole> {
  const role = await repo.roleIn(ctx.db, teamId, ctx.user.id);
  if (!role) throw notFound("team");
  if (!roleAtLeast(role, min)) throw new AppError("FORBIDDEN", msg(min === "admin" ? "teams.adminsOnly" : "teams.roleForbids"));
  return role;
}

export async function get(ctx: Ctx, teamId: string): Promise<TeamDetail> {
  const [row] = await repo.teamsOf(ctx.db, ctx.user.id, teamId);
  if (!row) throw notFound("team");
  const [members, projects, invitations] = await Promise.all([
    repo.members(ctx.db, teamId),
    repo.teamProjectsOf(ctx.db, teamId),
    row.myRole === "admin" ? repo.pendingInvitations(ctx.db, { teamId }, ctx.now) : Promise.resolve([]),
  ]);
  return {
    ...toSummary(row),
    members: members.map((m) => ({ ...m, image: m.image ?? null, isMe: m.userId === ctx.user.id, joinedAt: m.joinedAt.toISOString() })),
    invitations: invitations.map(toInvitation),
    projects: projects.map((p) => ({ projectId: p.projectId, name: p.name, ownerName: p.ownerName, isMine: p.ownerId === ctx.user.id, imageCount: p.imageCount, sharedAt: p.sharedAt.toISOString() })),
  };
}

export async function create(ctx: Ctx, input: { id?: string; name: string }): Promise<{ team: TeamDetail; created: boolean }> {
  let newId = input.id;
  const created = await createOnce({
    userId: ctx.user.id,
    what: "team",
    insert: async () => {
      newId = await repo.insertTeam(ctx.db, input.id, input.name, ctx.user.id);
      return !!newId;
    },
    ownerOf: () => repo.teamCreator(ctx.db, input.id!),
  });
  return { team: await get(ctx, newId ?? input.id!), created };
}

export async function rename(ctx: Ctx, teamId: string, name: string): Promise<TeamDetail> {
  await membership(ctx, teamId, "admin");
  await repo.renameTeam(ctx.db, teamId, name);
  return get(ctx, teamId);
}

export async function remove(ctx: Ctx, teamId: string): Promise<void> {
  await membership(ctx, teamId, "admin");
  await repo.deleteTeam(ctx.db, teamId);
}

export async function invite(ctx: Ctx, teamId: string, input: { email: string; role: TeamRole }): Promise<TeamInvitation> {
  await membership(ctx, teamId, "admin");
  const existing = await repo.userByEmail(ctx.db, input.email);
  if (existing && (await repo.roleIn(ctx.db, teamId, existing.id))) throw new AppError("CONFLICT", msg("teams.alreadyMember", { email: input.email }));
  const members = await repo.members(ctx.db, teamId);
  if (members.length >= TEAM_MAX_MEMBERS) throw new AppError("CONFLICT", msg("teams.maxMembers", { max: TEAM_MAX_MEMBERS }));
  const expiresAt = new Date(ctx.now.getTime() + TEAM_INVITE_DAYS * 86_400_000);
  const id = await repo.upsertInvitation(ctx.db, { teamId, email: input.email, role: input.role, invitedBy: ctx.user.id, expiresAt });
  const invitation = (await repo.pendingInvitations(ctx.db, { teamId }, ctx.now)).find((i) => i.id === id)!;
  await sendInvitation(ctx, toInvitation(invitation), existing?.id);
  return toInvitation(invitation);
}

export async function revokeInvitation(ctx: Ctx, teamId: string, invitationId: string): Promise<void> {
  await membership(ctx, teamId, "admin");
  if (!(await repo.closeInvitation(ctx.db, invitationId, { teamId }, "revoked", ctx.now))) throw notFound("invitation");
}

/** Invitations addressed to the caller's e-mail, still open. */
export const myInvitations = async (ctx: Ctx): Promise<TeamInvitation[]> =>
  (await repo.pendingInvitations(ctx.db, { email: ctx.user.email }, ctx.now)).map(toInvitation);

/** Accepting joins the team with the invited role; only the invited address can (anyone else: 404). */
export async function accept(ctx: Ctx, invitationId: string): Promise<TeamDetail> {
  const teamId = await ctx.db.transaction(async (tx) => {
    const inv = await repo.closeInvitation(tx, invitationId, { email: ctx.user.email }, "accepted", ctx.now);
    if (!inv) throw notFound("invitation");
    await repo.addMember(tx, inv.teamId, ctx.user.id, inv.role);
    return inv.teamId;
  });
  return get(ctx, teamId);
}

export async function decline(ctx: Ctx, invitationId: string): Promise<void> {
  if (!(await repo.closeInvitation(ctx.db, invitationId, { email: ctx.user.email }, "declined", ctx.now))) throw notFound("invitation");
}

/** A team keeps at least one admin: the last one cannot step down or leave while others remain. */
async function keepAnAdmin(ctx: Ctx, tx: Ctx["db"], teamId: string, userId: string) {
  const admins = await repo.adminsLocked(tx, teamId);
  if (admins.length === 1 && admins[0] === userId) {
    const others = (await repo.members(tx, teamId)).filter((m) => m.userId !== userId);
    if (others.length) throw new AppError("CONFLICT", msg("teams.needsAdmin"));
  }
}

export async function setRole(ctx: Ctx, teamId: string, userId: string, role: TeamRole): Promise<TeamDetail> {
  await ctx.db.transaction(async (tx) => {
    // The caller's own role is checked under the team's lock: an admin demoted a moment ago acts no more.
    await repo.lockTeam(tx, teamId);
    await membership({ ...ctx, db: tx }, teamId, "admin");
    if (role !== "admin") await keepAnAdmin(ctx, tx, teamId, userId);
    if (!(await repo.setRole(tx, teamId, userId, role))) throw notFound("member");
  });
  return get(ctx, teamId);
}

/** Admins remove members; anyone may leave. The last member leaving deletes the team. */
export async function removeMember(ctx: Ctx, teamId: string, userId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await repo.lockTeam(tx, teamId);
    await membership({ ...ctx, db: tx }, teamId, userId === ctx.user.id ? "viewer" : "admin");
    if (!(await repo.roleIn(tx, teamId, userId))) throw notFound("member");
    await keepAnAdmin(ctx, tx, teamId, userId);
    await repo.removeMember(tx, teamId, userId);
    if (!(await repo.members(tx, teamId)).length) await repo.deleteTeam(tx, teamId);
  });
}
