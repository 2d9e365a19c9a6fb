import { randomUUID } from "node:crypto";
import type { TeamRole } from "@image-studio/shared";
import { teamInvitations, teamMembers, teamProjects, teams } from "../../src/db/schema";
import { createUser } from "../factories";
import { type SignedUpUser, signUp } from "../harness";
import type { Ids, World } from "./world";

/**
 * Team resources for the security suite. The owner's fresh teams carry the marker in their name; `teamWorlds`
 * holds one standing team of the owner with a member of each role, over which the team-role rows run.
 */
export type TeamKind = "team" | "teamMember" | "teamInvitation" | "invitation" | "teamProject";
export const TEAM_KINDS: TeamKind[] = ["team", "teamMember", "teamInvitation", "invitation", "teamProject"];

export interface TeamWorld {
  teamId: string;
  members: Record<TeamRole, SignedUpUser>;
}

const standing = new WeakMap<World, Promise<TeamWorld>>();

/** The owner's standing team with a viewer, an editor and an admin (made once per world). */
export function teamWorld(w: World): Promise<TeamWorld> {
  let p = standing.get(w);
  if (!p) {
    p = (async () => {
      const db = w.t.deps.database.db;
      const [team] = await db.insert(teams).values({ name: `Crew ${w.marker}`, createdBy: w.owner.user.id }).returning();
      const [viewer, editor, admin] = await Promise.all([signUp(w.t), signUp(w.t), signUp(w.t)]);
      const members = { viewer: viewer!, editor: editor!, admin: admin! };
      await db.insert(teamMembers).values([
        { teamId: team!.id, userId: w.owner.user.id, role: "admin" as const },
        ...(Object.entries(members) as [TeamRole, SignedUpUser][]).map(([role, u]) => ({ teamId: team!.id, userId: u.user.id, role })),
      ]);
      return { teamId: team!.id, members };
    })();
    standing.set(w, p);
  }
  return p;
}

/** Makes the team resources a row asks for (the project, when asked, already exists in `ids`). */
export async function freshTeamKinds(w: World, want: Set<string>, ids: Ids): Promise<void> {
  if (!TEAM_KINDS.some((k) => want.has(k))) return;
  const db = w.t.deps.database.db;
  const uid = w.owner.user.id;
  const [team] = await db.insert(teams).values({ name: `Team ${w.marker}`, createdBy: uid }).returning();
  ids.team = team!.id;
  await db.insert(teamMembers).values({ teamId: team!.id, userId: uid, role: "admin" });
  const inAWeek = new Date(Date.now() + 7 * 86_400_000);
  if (want.has("teamMember")) {
    ids.teamMember = (await createUser(w.t.deps)).id;
    await db.insert(teamMembers).values({ teamId: team!.id, userId: ids.teamMember, role: "viewer" });
  }
  if (want.has("teamInvitation")) {
    const [inv] = await db.insert(teamInvitations).values({ teamId: team!.id, email: `inv-${randomUUID()}@example.test`, role: "viewer", invitedBy: uid, expiresAt: inAWeek }).returning();
    ids.teamInvitation = inv!.id;
  }
  if (want.has("invitation")) {
    // An invitation addressed to the owner, from someone else's team: the owner is the one who may answer it.
    const [theirs] = await db.insert(teams).values({ name: `Their team ${w.marker}`, createdBy: w.admin.user.id }).returning();
    await db.insert(teamMembers).values({ teamId: theirs!.id, userId: w.admin.user.id, role: "admin" });
    const [inv] = await db.insert(teamInvitations).values({ teamId: theirs!.id, email: w.owner.email, role: "viewer", invitedBy: w.admin.user.id, expiresAt: inAWeek }).returning();
    ids.invitation = inv!.id;
  }
  if (want.has("teamProject")) await db.insert(teamProjects).values({ teamId: team!.id, projectId: ids.project, sharedBy: uid });
}
