import { randomUUID } from "node:crypto";
import type { TeamDetail } from "@image-studio/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, signUp, type TestApp } from "../harness";
import { caller, ok } from "../images/fixtures";
import { teamWith } from "./helpers";

/** Races that PGlite hides (one statement at a time): meaningful in the PostgreSQL pass. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe("teams under concurrency", () => {
  it("two creates with one client id make one team (201 then 200), with one admin membership", async () => {
    const u = await signUp(t);
    const id = randomUUID();
    const res = await Promise.all([0, 1, 2].map(() => caller(t, u)("/api/teams", { body: { id, name: "Race" } })));
    expect(res.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    const team = await ok<TeamDetail>(caller(t, u)(`/api/teams/${id}`));
    expect(team.members).toHaveLength(1);
  });

  it("two admins demoting each other at once leave the team with an admin", async () => {
    const a = await signUp(t);
    const { team, members } = await teamWith(t, a, ["admin"]);
    const b = members[0]!;
    const [r1, r2] = await Promise.all([
      caller(t, a)(`/api/teams/${team.id}/members/${b.user.id}`, { method: "PATCH", body: { role: "viewer" } }),
      caller(t, b)(`/api/teams/${team.id}/members/${a.user.id}`, { method: "PATCH", body: { role: "viewer" } }),
    ]);
    // The first demotion wins; the second comes from someone no longer an admin (403) or would leave none (409).
    expect([r1.status, r2.status].filter((s) => s === 200)).toHaveLength(1);
    const detail = await ok<TeamDetail>(caller(t, a)(`/api/teams/${team.id}`));
    expect(detail.members.filter((m) => m.role === "admin")).toHaveLength(1);
  });

  it("accepting one invitation twice at once adds the member once", async () => {
    const [admin, invitee] = await Promise.all([signUp(t), signUp(t)]);
    const { team } = await teamWith(t, admin, []);
    const inv = await ok<{ id: string }>(caller(t, admin)(`/api/teams/${team.id}/invitations`, { body: { email: invitee.email } }), 201);
    const res = await Promise.all([0, 1].map(() => caller(t, invitee)(`/api/teams/invitations/${inv.id}/accept`, { body: {} })));
    expect(res.map((r) => r.status).sort()).toEqual([200, 404]);
    expect((await ok<TeamDetail>(caller(t, admin)(`/api/teams/${team.id}`))).memberCount).toBe(2);
  });
});
