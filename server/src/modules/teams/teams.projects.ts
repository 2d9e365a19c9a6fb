import { type ProjectAccess, type ProjectPerson, roleAtLeast, type SharedProject, strongerRole, type TeamRole } from "@image-studio/shared";
import { msg } from "../../i18n/api";
import type { Ctx } from "../../context";
import { AppError, notFound } from "../../lib/errors";
import { projectRole } from "./teams.access";
import * as repo from "./teams.repo";
import { get, membership } from "./teams.service";

/** Projects shared with teams: the owner shares; the owner or a team admin unshares. */

export async function share(ctx: Ctx, teamId: string, projectId: string) {
  await membership(ctx, teamId);
  const owner = await repo.projectOwner(ctx.db, projectId);
  if (!owner || owner.userId !== ctx.user.id) {
    if (owner && (await projectRole(ctx, projectId))) throw new AppError("FORBIDDEN", msg("teams.onlyOwnerShares"));
    throw notFound("project");
  }
  await repo.shareProject(ctx.db, teamId, projectId, ctx.user.id);
  return get(ctx, teamId);
}

export async function unshare(ctx: Ctx, teamId: string, projectId: string) {
  const role = await membership(ctx, teamId);
  const owner = await repo.projectOwner(ctx.db, projectId);
  if (owner?.userId !== ctx.user.id && role !== "admin") {
    throw new AppError("FORBIDDEN", msg("teams.onlyOwnerUnshares"));
  }
  if (!(await repo.unshareProject(ctx.db, teamId, projectId))) throw notFound("project");
  return get(ctx, teamId);
}

/** Everyone who can see the project: the owner first, then members of every team it is shared with (strongest role). */
export async function people(ctx: Ctx, projectId: string): Promise<{ people: ProjectPerson[]; teams: { id: string; name: string }[]; ownerId: string }> {
  const owner = await repo.projectOwner(ctx.db, projectId);
  if (!owner) throw notFound("project");
  const card = await repo.userCard(ctx.db, owner.userId);
  const byId = new Map<string, ProjectPerson>();
  byId.set(owner.userId, { userId: owner.userId, name: card?.name ?? "", image: card?.image ?? null, role: "owner", isMe: owner.userId === ctx.user.id });
  const teams = new Map<string, string>();
  for (const r of await repo.projectTeamsAndMembers(ctx.db, projectId)) {
    teams.set(r.teamId, r.teamName);
    const had = byId.get(r.userId);
    if (had) {
      if (had.role !== "owner") had.role = strongerRole(had.role, r.role);
    } else byId.set(r.userId, { userId: r.userId, name: r.name, image: r.image ?? null, role: r.role, isMe: r.userId === ctx.user.id });
  }
  return { people: [...byId.values()], teams: [...teams].map(([id, name]) => ({ id, name })), ownerId: owner.userId };
}

/** The caller's role on a project with the people and teams it is shared with (404 without access). */
export async function access(ctx: Ctx, projectId: string): Promise<ProjectAccess> {
  const myRole = await projectRole(ctx, projectId);
  if (!roleAtLeast(myRole, "viewer")) throw notFound("project");
  const p = await people(ctx, projectId);
  return { projectId, myRole: myRole!, teams: p.teams, people: p.people };
}

/** Ids of projects shared with the caller through their teams (not their own). */
export const sharedWithMe = async (ctx: Ctx) => (await repo.sharedWith(ctx.db, ctx.user.id)).map((r) => r.projectId);

/** Live projects shared with the caller where their strongest team role is at least `minRole` (the studio's picker). */
export async function sharedProjects(ctx: Ctx, minRole: TeamRole): Promise<SharedProject[]> {
  const byId = new Map<string, SharedProject>();
  for (const r of await repo.sharedWithRoles(ctx.db, ctx.user.id)) {
    const seen = byId.get(r.projectId);
    byId.set(r.projectId, { projectId: r.projectId, name: r.name, ownerName: r.ownerName, role: strongerRole(seen?.role ?? null, r.role) });
  }
  return [...byId.values()].filter((p) => roleAtLeast(p.role, minRole));
}
