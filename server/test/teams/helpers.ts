import type { TeamDetail, TeamInvitation, TeamRole } from "@image-studio/shared";
import { type SignedUpUser, signUp, type TestApp } from "../harness";
import { caller, makePng, ok, storeImage } from "../images/fixtures";

/** A team of `admin` with one member per role in `roles`, each invited and accepted through the API. */
export async function teamWith(t: TestApp, admin: SignedUpUser, roles: TeamRole[], name = "Studio crew") {
  const team = await ok<TeamDetail>(caller(t, admin)("/api/teams", { body: { name } }), 201);
  const members: SignedUpUser[] = [];
  for (const role of roles) {
    const m = await signUp(t, { name: `Member ${role} ${members.length}` });
    await join(t, admin, m, team.id, role);
    members.push(m);
  }
  return { team, members };
}

export async function join(t: TestApp, admin: SignedUpUser, who: SignedUpUser, teamId: string, role: TeamRole) {
  const inv = await ok<TeamInvitation>(caller(t, admin)(`/api/teams/${teamId}/invitations`, { body: { email: who.email, role } }), 201);
  await ok(caller(t, who)(`/api/teams/invitations/${inv.id}/accept`, { body: {} }));
  return inv;
}

/** A project of `owner` holding one stored image, shared with `teamId`. */
export async function sharedProject(t: TestApp, owner: SignedUpUser, teamId: string, name = "Harbour") {
  const project = await ok<{ id: string }>(caller(t, owner)("/api/projects", { body: { name } }), 201);
  const image = await storeImage(t, owner.user.id, await makePng({ hue: 30 }), { projectId: project.id, prompt: "a harbour at dawn" });
  await ok(caller(t, owner)(`/api/teams/${teamId}/projects/${project.id}`, { method: "PUT", body: {} }));
  return { projectId: project.id, imageId: image.id };
}
