import { type ProjectAccessRole, roleAtLeast, strongerRole } from "@image-studio/shared";
import type { Ctx } from "../../context";
import { notFound } from "../../lib/errors";
import * as repo from "./teams.repo";

/**
 * Role enforcement for everything a shared project's images pass through. A service asks for a scope with the
 * least role its action needs and gets back the ctx to run the owner-scoped queries with: the caller's own ctx
 * when they own the thing, the owner's scope when a team role allows it, and a 404 otherwise — someone else's
 * resource without a strong enough role is exactly as unknown as a missing one.
 */

/** The caller's role on a project: "owner", the strongest team role among teams sharing it, or null. */
export async function projectRole(ctx: Ctx, projectId: string): Promise<ProjectAccessRole | null> {
  const owner = await repo.projectOwner(ctx.db, projectId);
  if (!owner) return null;
  if (owner.userId === ctx.user.id) return "owner";
  let role: ProjectAccessRole | null = null;
  for (const r of await repo.teamRolesOn(ctx.db, ctx.user.id, projectId)) role = strongerRole(role, r.role);
  return role;
}

/** The ctx whose owner-scoped queries reach `ownerId`'s rows, acting for the caller (who stays the author). */
function actingFor(ctx: Ctx, ownerId: string): Ctx {
  return ownerId === ctx.user.id ? ctx : { ...ctx, user: { ...ctx.user, id: ownerId }, actor: ctx.actor ?? ctx.user };
}

/** A scope over a project's rows for a caller with at least `min` (404 "Project" otherwise). */
export async function projectScope(ctx: Ctx, projectId: string, min: ProjectAccessRole): Promise<Ctx> {
  const owner = await repo.projectOwner(ctx.db, projectId);
  if (owner?.userId === ctx.user.id) return ctx;
  if (!owner || !roleAtLeast(await projectRole(ctx, projectId), min)) throw notFound("project");
  return actingFor(ctx, owner.userId);
}

/**
 * A scope over one image: the owner always; a member of a team its project is shared with, with at least `min`,
 * while the image is live in that project. Anyone else: 404 "Image".
 */
export async function imageScope(ctx: Ctx, imageId: string, min: ProjectAccessRole): Promise<Ctx> {
  const facts = await repo.imageFacts(ctx.db, imageId);
  if (facts?.userId === ctx.user.id) return ctx;
  if (!facts || !facts.projectId || facts.deletedAt) throw notFound("image");
  if (!roleAtLeast(await projectRole(ctx, facts.projectId), min)) throw notFound("image");
  return actingFor(ctx, facts.userId);
}

/** The caller's role on an image: "owner", a team role through its project, or null. */
export async function imageRole(ctx: Ctx, imageId: string): Promise<{ role: ProjectAccessRole | null; ownerId?: string; projectId: string | null }> {
  const facts = await repo.imageFacts(ctx.db, imageId);
  if (!facts) return { role: null, projectId: null };
  if (facts.userId === ctx.user.id) return { role: "owner", ownerId: facts.userId, projectId: facts.projectId };
  if (!facts.projectId || facts.deletedAt) return { role: null, projectId: null };
  return { role: await projectRole(ctx, facts.projectId), ownerId: facts.userId, projectId: facts.projectId };
}

/** The one who really acts (a member acting in the owner's scope), for authorship and notifications. */
export const actorOf = (ctx: Ctx) => ctx.actor ?? ctx.user;
