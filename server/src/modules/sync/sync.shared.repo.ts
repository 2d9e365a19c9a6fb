import { and, asc, eq, gt, inArray, isNull, lte, ne, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { images, projects, teamMembers, teamProjects, users } from "../../db/schema";

/** Queries of the shared part of the offline copy (sync.shared.ts). Scoped by the member's team rows. */

/** Every (project, role) the user reaches through a team, with the project's owner; their own projects left out. */
export async function sharedRoles(db: Db, userId: string) {
  return db
    .select({ projectId: teamProjects.projectId, role: teamMembers.role, ownerId: projects.userId, ownerName: users.name })
    .from(teamProjects)
    .innerJoin(teamMembers, and(eq(teamMembers.teamId, teamProjects.teamId), eq(teamMembers.userId, userId)))
    .innerJoin(projects, eq(projects.id, teamProjects.projectId))
    .innerJoin(users, eq(users.id, projects.userId))
    .where(ne(projects.userId, userId));
}

/** The highest version among each project's live images (the owner's images in it). */
export async function imagesVersions(db: Db, ownerId: string, projectIds: string[]): Promise<Map<string, number>> {
  if (!projectIds.length) return new Map();
  const rows = await db
    .select({ projectId: images.projectId, v: sql<string>`max(${images.version})::text` })
    .from(images)
    .where(and(eq(images.userId, ownerId), inArray(images.projectId, projectIds), isNull(images.deletedAt)))
    .groupBy(images.projectId);
  return new Map(rows.map((r) => [r.projectId!, Number(r.v)]));
}

/** Live images of the owner's project with after < version <= upTo, in version order. */
export async function changedImages(db: Db, ownerId: string, projectId: string, after: string, upTo: number, limit: number) {
  return db
    .select({ image: images, projectName: projects.name })
    .from(images)
    .innerJoin(projects, eq(projects.id, images.projectId))
    .where(
      and(
        eq(images.userId, ownerId),
        eq(images.projectId, projectId),
        isNull(images.deletedAt),
        gt(images.version, sql`${after}::bigint`),
        lte(images.version, sql`${upTo}::bigint`),
      ),
    )
    .orderBy(asc(images.version))
    .limit(limit);
}

/** Ids of every live image of the owner's project. */
export async function liveImageIds(db: Db, ownerId: string, projectId: string): Promise<string[]> {
  const rows = await db
    .select({ id: images.id })
    .from(images)
    .where(and(eq(images.userId, ownerId), eq(images.projectId, projectId), isNull(images.deletedAt)));
  return rows.map((r) => r.id);
}
