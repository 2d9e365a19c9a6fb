import type { Notification, TeamDetail, TeamInvitation, TeamSummary } from "@image-studio/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, mailTo, signUp, type TestApp } from "../harness";
import { caller, ok } from "../images/fixtures";
import { join, teamWith } from "./helpers";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const notifications = async (u: Parameters<typeof caller>[1]) => (await ok<{ items: Notification[] }>(caller(t, u)("/api/notifications"))).items;

describe("teams", () => {
  it("creates a team with its creator as the admin; others do not see it", async () => {
    const [a, b] = await Promise.all([signUp(t), signUp(t)]);
    const team = await ok<TeamDetail>(caller(t, a)("/api/teams", { body: { name: "  Night shift  " } }), 201);
    expect(team).toMatchObject({ name: "Night shift", myRole: "admin", memberCount: 1 });
    expect(team.members).toEqual([expect.objectContaining({ userId: a.user.id, role: "admin", isMe: true })]);
    expect((await ok<{ items: TeamSummary[] }>(caller(t, a)("/api/teams"))).items.map((x) => x.id)).toContain(team.id);
    expect((await ok<{ items: TeamSummary[] }>(caller(t, b)("/api/teams"))).items).toEqual([]);
    expect((await caller(t, b)(`/api/teams/${team.id}`)).status).toBe(404);
    expect((await caller(t, b)(`/api/teams/${team.id}`, { method: "PATCH", body: { name: "Mine now" } })).status).toBe(404);
    expect((await caller(t, a)("/api/teams", { body: { name: "   " } })).status).toBe(400);
  });

  it("invites an account by notification and an unknown address by mail; only the invitee accepts", async () => {
    const [admin, invitee, stranger] = await Promise.all([signUp(t, { name: "Ada" }), signUp(t), signUp(t)]);
    const { team } = await teamWith(t, admin, []);
    const inv = await ok<TeamInvitation>(caller(t, admin)(`/api/teams/${team.id}/invitations`, { body: { email: invitee.email.toUpperCase(), role: "editor" } }), 201);
    expect(inv).toMatchObject({ email: invitee.email, role: "editor", teamName: team.name, invitedByName: "Ada" });
    const bell = (await notifications(invitee)).find((n) => n.kind === "team.invite");
    expect(bell).toMatchObject({ link: `/teams?invite=${inv.id}` });
    expect((await ok<{ items: TeamInvitation[] }>(caller(t, invitee)("/api/teams/invitations"))).items.map((i) => i.id)).toEqual([inv.id]);

    // Someone else cannot take the invitation, nor see it.
    expect((await ok<{ items: TeamInvitation[] }>(caller(t, stranger)("/api/teams/invitations"))).items).toEqual([]);
    expect((await caller(t, stranger)(`/api/teams/invitations/${inv.id}/accept`, { body: {} })).status).toBe(404);

    const joined = await ok<TeamDetail>(caller(t, invitee)(`/api/teams/invitations/${inv.id}/accept`, { body: {} }));
    expect(joined.myRole).toBe("editor");
    expect(joined.invitations).toEqual([]); // not an admin: no invitation list
    expect((await caller(t, invitee)(`/api/teams/invitations/${inv.id}/accept`, { body: {} })).status).toBe(404);
    expect((await caller(t, admin)(`/api/teams/${team.id}/invitations`, { body: { email: invitee.email } })).status).toBe(409);

    const newcomer = `new-${crypto.randomUUID()}@example.test`;
    await ok(caller(t, admin)(`/api/teams/${team.id}/invitations`, { body: { email: newcomer } }), 201);
    const [mail] = await mailTo(t, newcomer);
    expect(mail?.subject).toContain(team.name);
    expect(mail?.text).toContain("/sign-up?redirect=");
  });

  it("declines and revokes: a closed invitation cannot be accepted", async () => {
    const [admin, a, b] = await Promise.all([signUp(t), signUp(t), signUp(t)]);
    const { team } = await teamWith(t, admin, []);
    const invA = await ok<TeamInvitation>(caller(t, admin)(`/api/teams/${team.id}/invitations`, { body: { email: a.email } }), 201);
    const invB = await ok<TeamInvitation>(caller(t, admin)(`/api/teams/${team.id}/invitations`, { body: { email: b.email } }), 201);
    expect((await ok<TeamDetail>(caller(t, admin)(`/api/teams/${team.id}`))).invitations.map((i) => i.email).sort()).toEqual([a.email, b.email].sort());
    await ok(caller(t, a)(`/api/teams/invitations/${invA.id}/decline`, { body: {} }));
    await ok(caller(t, admin)(`/api/teams/${team.id}/invitations/${invB.id}`, { method: "DELETE" }));
    expect((await caller(t, a)(`/api/teams/invitations/${invA.id}/accept`, { body: {} })).status).toBe(404);
    expect((await caller(t, b)(`/api/teams/invitations/${invB.id}/accept`, { body: {} })).status).toBe(404);
    expect((await ok<TeamDetail>(caller(t, admin)(`/api/teams/${team.id}`))).memberCount).toBe(1);
  });

  it("admins manage members; others may not; a team always keeps an admin", async () => {
    const admin = await signUp(t);
    const { team, members } = await teamWith(t, admin, ["viewer", "editor"]);
    const [viewer, editor] = members as [typeof admin, typeof admin];
    expect((await caller(t, editor)(`/api/teams/${team.id}/members/${viewer.user.id}`, { method: "PATCH", body: { role: "admin" } })).status).toBe(403);
    expect((await caller(t, editor)(`/api/teams/${team.id}/invitations`, { body: { email: "x@example.test" } })).status).toBe(403);
    expect((await caller(t, admin)(`/api/teams/${team.id}/members/${admin.user.id}`, { method: "PATCH", body: { role: "viewer" } })).status).toBe(409);
    expect((await caller(t, admin)(`/api/teams/${team.id}/members/${admin.user.id}`, { method: "DELETE" })).status).toBe(409);

    const promoted = await ok<TeamDetail>(caller(t, admin)(`/api/teams/${team.id}/members/${editor.user.id}`, { method: "PATCH", body: { role: "admin" } }));
    expect(promoted.members.find((m) => m.userId === editor.user.id)?.role).toBe("admin");
    await ok(caller(t, admin)(`/api/teams/${team.id}/members/${admin.user.id}`, { method: "DELETE" })); // leaves
    expect((await caller(t, admin)(`/api/teams/${team.id}`)).status).toBe(404);
    await ok(caller(t, editor)(`/api/teams/${team.id}/members/${viewer.user.id}`, { method: "DELETE" })); // removed
    expect((await caller(t, viewer)(`/api/teams/${team.id}`)).status).toBe(404);
    await ok(caller(t, editor)(`/api/teams/${team.id}/members/${editor.user.id}`, { method: "DELETE" })); // the last one out
    expect((await caller(t, editor)(`/api/teams/${team.id}`)).status).toBe(404);
  });

  it("a rejoining member is not duplicated and a deleted team is gone for everyone", async () => {
    const admin = await signUp(t);
    const { team, members } = await teamWith(t, admin, ["viewer"]);
    await ok(caller(t, members[0]!)(`/api/teams/${team.id}/members/${members[0]!.user.id}`, { method: "DELETE" }));
    await join(t, admin, members[0]!, team.id, "editor");
    const detail = await ok<TeamDetail>(caller(t, admin)(`/api/teams/${team.id}`));
    expect(detail.members.filter((m) => m.userId === members[0]!.user.id)).toEqual([expect.objectContaining({ role: "editor" })]);
    expect((await caller(t, members[0]!)(`/api/teams/${team.id}`, { method: "DELETE" })).status).toBe(403);
    await ok(caller(t, admin)(`/api/teams/${team.id}`, { method: "DELETE" }));
    expect((await caller(t, members[0]!)(`/api/teams/${team.id}`)).status).toBe(404);
  });
});
