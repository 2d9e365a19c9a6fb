import type { TeamRole } from "@image-studio/shared";
import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { images, projects, teamInvitations, teamMembers, teamProjects, teams, users } from "../../db/schema";

/** Drizzle queries for teams. Reads are scoped by membership in the service; nothing here decides who may do what. */

export async function insertTeam(db: Db, id: string | undefined, name: string, userId: string): Promise<string | undefined> {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(teams).values({ id, name, createdBy: userId }).onConflictDoNothing({ target: teams.id }).returning({ id: teams.id });
    if (!row) return undefined;
    await tx.insert(teamMembers).values({ teamId: row.id, userId, role: "admin" });
    return row.id;
  });
}

export async function teamCreator(db: Db, id: string) {
  const [row] = await db.select({ createdBy: teams.createdBy }).from(teams).where(eq(teams.id, id));
  return row?.createdBy;
}

const memberCount = sql<number>`(SELECT count(*)::int FROM team_members m WHERE m.team_id = "teams"."id")`;
const projectCount = sql<number>`(SELECT count(*)::int FROM team_projects p WHERE p.team_id = "teams"."id")`;

/** The user's teams with their role, newest first; or one of them. */
export async function teamsOf(db: Db, userId: string, teamId?: string) {
  return db
    .select({ id: teams.id, name: teams.name, createdAt: teams.createdAt, myRole: teamMembers.role, memberCount, projectCount })
    .from(teams)
    .innerJoin(teamMembers, and(eq(teamMembers.teamId, teams.id), eq(teamMembers.userId, userId)))
    .where(teamId ? eq(teams.id, teamId) : undefined)
    .orderBy(asc(teams.name), asc(teams.id));
}

export async function renameTeam(db: Db, id: string, name: string) {
  await db.update(teams).set({ name, updatedAt: new Date() }).where(eq(teams.id, id));
}

export async function deleteTeam(db: Db, id: string) {
  await db.delete(teams).where(eq(teams.id, id));
}

export async function roleIn(db: Db, teamId: string, userId: string): Promise<TeamRole | undefined> {
  const [row] = await db.select({ role: teamMembers.role }).from(teamMembers).where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId)));
  return row?.role;
}

export async function members(db: Db, teamId: string) {
  return db
    .select({ userId: users.id, name: users.name, email: users.email, image: users.image, role: teamMembers.role, joinedAt: teamMembers.createdAt })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(eq(teamMembers.teamId, teamId))
    .orderBy(asc(users.name), asc(users.id));
}

export async function addMember(db: Db, teamId: string, userId: string, role: TeamRole) {
  await db.insert(teamMembers).values({ teamId, userId, role }).onConflictDoNothing();
}

export async function setRole(db: Db, teamId: string, userId: string, role: TeamRole) {
  const rows = await db.update(teamMembers).set({ role }).where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId))).returning({ userId: teamMembers.userId });
  return rows.length > 0;
}

/** Removes a member and unshares the projects they own from the team (they no longer belong to it). */
export async function removeMember(db: Db, teamId: string, userId: string) {
  await db.transaction(async (tx) => {
    await tx.delete(teamMembers).where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId)));
    const theirs = tx.select({ id: projects.id }).from(projects).where(eq(projects.userId, userId));
    await tx.delete(teamProjects).where(and(eq(teamProjects.teamId, teamId), inArray(teamProjects.projectId, theirs)));
  });
}

/** Admins of the team, locked for the rest of the transaction (two admins demoting each other cannot both win). */
export async function adminsLocked(db: Db, teamId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: teamMembers.userId })
    .from(teamMembers)
    .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.role, "admin")))
    .for("update");
  return rows.map((r) => r.userId);
}

export async function lockTeam(db: Db, teamId: string) {
  await db.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId)).for("update");
}

export async function userByEmail(db: Db, email: string) {
  const [row] = await db.select({ id: users.id, name: users.name }).from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return row;
}

const invitationColumns = {
  id: teamInvitations.id,
  teamId: teamInvitations.teamId,
  teamName: teams.name,
  email: teamInvitations.email,
  role: teamInvitations.role,
  invitedByName: users.name,
  expiresAt: teamInvitations.expiresAt,
  createdAt: teamInvitations.createdAt,
};

/** Pending, unexpired invitations: of one team, or addressed to one e-mail. */
export async function pendingInvitations(db: Db, by: { teamId: string } | { email: string }, now: Date) {
  const who = "teamId" in by ? eq(teamInvitations.teamId, by.teamId) : eq(teamInvitations.email, by.email.toLowerCase());
  return db
    .select(invitationColumns)
    .from(teamInvitations)
    .innerJoin(teams, eq(teams.id, teamInvitations.teamId))
    .leftJoin(users, eq(users.id, teamInvitations.invitedBy))
    .where(and(who, eq(teamInvitations.status, "pending"), gt(teamInvitations.expiresAt, now)))
    .orderBy(asc(teamInvitations.createdAt), asc(teamInvitations.id));
}

/** A new pending invitation, or the pending one to the same address renewed with the new role and expiry. */
export async function upsertInvitation(db: Db, v: { teamId: string; email: string; role: TeamRole; invitedBy: string; expiresAt: Date }) {
  const [row] = await db
    .insert(teamInvitations)
    .values(v)
    .onConflictDoUpdate({
      target: [teamInvitations.teamId, teamInvitations.email],
      targetWhere: sql`${teamInvitations.status} = 'pending'`,
      set: { role: v.role, invitedBy: v.invitedBy, expiresAt: v.expiresAt, updatedAt: new Date() },
    })
    .returning({ id: teamInvitations.id });
  return row!.id;
}

/** Moves a pending invitation to `status` when `match` holds; the row it moved, if any. */
export async function closeInvitation(db: Db, id: string, match: { teamId?: string; email?: string }, status: "accepted" | "declined" | "revoked", now: Date) {
  const conds = [eq(teamInvitations.id, id), eq(teamInvitations.status, "pending"), gt(teamInvitations.expiresAt, now)];
  if (match.teamId) conds.push(eq(teamInvitations.teamId, match.teamId));
  if (match.email) conds.push(eq(teamInvitations.email, match.email.toLowerCase()));
  const [row] = await db
    .update(teamInvitations)
    .set({ status, updatedAt: now })
    .where(and(...conds))
    .returning({ teamId: teamInvitations.teamId, role: teamInvitations.role, invitedBy: teamInvitations.invitedBy });
  return row;
}

export async function teamProjectsOf(db: Db, teamId: string) {
  return db
    .select({
      projectId: projects.id,
      name: projects.name,
      ownerId: projects.userId,
      ownerName: users.name,
      sharedAt: teamProjects.createdAt,
      imageCount: sql<number>`(SELECT count(*)::int FROM images i WHERE i.project_id = ${projects.id} AND i.deleted_at IS NULL)`,
    })
    .from(teamProjects)
    .innerJoin(projects, eq(projects.id, teamProjects.projectId))
    .innerJoin(users, eq(users.id, projects.userId))
    .where(eq(teamProjects.teamId, teamId))
    .orderBy(asc(projects.name), asc(projects.id));
}

export async function shareProject(db: Db, teamId: string, projectId: string, userId: string) {
  await db.insert(teamProjects).values({ teamId, projectId, sharedBy: userId }).onConflictDoNothing();
}

export async function unshareProject(db: Db, teamId: string, projectId: string) {
  const rows = await db.delete(teamProjects).where(and(eq(teamProjects.teamId, teamId), eq(teamProjects.projectId, projectId))).returning({ teamId: teamProjects.teamId });
  return rows.length > 0;
}

export async function projectOwner(db: Db, projectId: string) {
  const [row] = await db.select({ userId: projects.userId, name: projects.name }).from(projects).where(eq(projects.id, projectId));
  return row;
}

/** The user's team roles on a project (one per team that shares it and has them as a member). */
export async function teamRolesOn(db: Db, userId: string, projectId: string) {
  return db
    .select({ teamId: teams.id, teamName: teams.name, role: teamMembers.role })
    .from(teamProjects)
    .innerJoin(teams, eq(teams.id, teamProjects.teamId))
    .innerJoin(teamMembers, and(eq(teamMembers.teamId, teamProjects.teamId), eq(teamMembers.userId, userId)))
    .where(eq(teamProjects.projectId, projectId));
}

/** Teams sharing a project, and every member of them (a person may appear once per team). */
export async function projectTeamsAndMembers(db: Db, projectId: string) {
  const rows = await db
    .select({ teamId: teams.id, teamName: teams.name, userId: users.id, name: users.name, image: users.image, role: teamMembers.role })
    .from(teamProjects)
    .innerJoin(teams, eq(teams.id, teamProjects.teamId))
    .innerJoin(teamMembers, eq(teamMembers.teamId, teams.id))
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(eq(teamProjects.projectId, projectId))
    .orderBy(asc(teams.name), asc(users.name));
  return rows;
}

export async function userCard(db: Db, id: string) {
  const [row] = await db.select({ userId: users.id, name: users.name, image: users.image }).from(users).where(eq(users.id, id));
  return row;
}

/** Who owns an image and which project holds it (trashed images are the owner's alone). */
export async function imageFacts(db: Db, imageId: string) {
  const [row] = await db
    .select({ userId: images.userId, projectId: images.projectId, deletedAt: images.deletedAt })
    .from(images)
    .where(eq(images.id, imageId));
  return row;
}

/** Projects shared with any team the user belongs to (not their own), for "shared with me". */
export async function sharedWith(db: Db, userId: string) {
  return db
    .selectDistinct({ projectId: teamProjects.projectId })
    .from(teamProjects)
    .innerJoin(teamMembers, and(eq(teamMembers.teamId, teamProjects.teamId), eq(teamMembers.userId, userId)))
    .innerJoin(projects, eq(projects.id, teamProjects.projectId))
    .where(sql`${projects.userId} <> ${userId}`);
}

/** Live projects shared with the user's teams (not their own), one row per team role, with the owner's name. */
export async function sharedWithRoles(db: Db, userId: string) {
  return db
    .select({ projectId: projects.id, name: projects.name, ownerName: users.name, role: teamMembers.role })
    .from(teamProjects)
    .innerJoin(teamMembers, and(eq(teamMembers.teamId, teamProjects.teamId), eq(teamMembers.userId, userId)))
    .innerJoin(projects, eq(projects.id, teamProjects.projectId))
    .innerJoin(users, eq(users.id, projects.userId))
    .where(and(sql`${projects.userId} <> ${userId}`, eq(projects.isArchived, false)))
    .orderBy(asc(projects.name), asc(projects.id));
}

/** Which of `ids` are live images of the owner's project (what a team member may see of a tree). */
export async function liveInProject(db: Db, ownerId: string, projectId: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db
    .select({ id: images.id })
    .from(images)
    .where(and(eq(images.userId, ownerId), eq(images.projectId, projectId), sql`${images.deletedAt} is null`, inArray(images.id, ids)));
  return new Set(rows.map((r) => r.id));
}
