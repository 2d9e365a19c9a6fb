import { sharedProjectsQuerySchema, teamCreateSchema, teamInviteSchema, teamMemberUpdateSchema, teamUpdateSchema } from "@image-studio/shared";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context";
import { validate } from "../../lib/validate";
import { ctxOf, requireUser } from "../../middleware/require-user";
import * as projects from "./teams.projects";
import * as svc from "./teams.service";

const ID = ":id{[0-9a-fA-F-]{36}}";
const UUID = "{[0-9a-fA-F-]{36}}";
const lower = z.uuid().transform((s) => s.toLowerCase());
const idParam = z.object({ id: lower });
const memberParam = z.object({ id: lower, userId: lower });
const invitationParam = z.object({ id: lower, invitationId: lower });
const projectParam = z.object({ id: lower, projectId: lower });

/** /api/teams — teams, members, invitations and projects shared with a team. Signed-in only; non-members get 404. */
export const teamRoutes = new Hono<AppEnv>()
  .use(requireUser)
  .get("/", async (c) => {
    c.header("Cache-Control", "private, no-cache");
    return c.json({ items: await svc.list(ctxOf(c)) });
  })
  .post("/", validate("json", teamCreateSchema), async (c) => {
    const { team, created } = await svc.create(ctxOf(c), c.req.valid("json"));
    return c.json(team, created ? 201 : 200);
  })
  .get("/invitations", async (c) => c.json({ items: await svc.myInvitations(ctxOf(c)) }))
  .post(`/invitations/${ID}/accept`, validate("param", idParam), async (c) => c.json(await svc.accept(ctxOf(c), c.req.valid("param").id)))
  .post(`/invitations/${ID}/decline`, validate("param", idParam), async (c) => {
    await svc.decline(ctxOf(c), c.req.valid("param").id);
    return c.json({ ok: true });
  })
  .get("/shared-projects", validate("query", sharedProjectsQuerySchema), async (c) => {
    c.header("Cache-Control", "private, no-cache");
    return c.json({ items: await projects.sharedProjects(ctxOf(c), c.req.valid("query").minRole) });
  })
  .get(`/projects/${ID}`, validate("param", idParam), async (c) => c.json(await projects.access(ctxOf(c), c.req.valid("param").id)))
  .get(`/${ID}`, validate("param", idParam), async (c) => c.json(await svc.get(ctxOf(c), c.req.valid("param").id)))
  .patch(`/${ID}`, validate("param", idParam), validate("json", teamUpdateSchema), async (c) =>
    c.json(await svc.rename(ctxOf(c), c.req.valid("param").id, c.req.valid("json").name)),
  )
  .delete(`/${ID}`, validate("param", idParam), async (c) => {
    await svc.remove(ctxOf(c), c.req.valid("param").id);
    return c.json({ ok: true });
  })
  .post(`/${ID}/invitations`, validate("param", idParam), validate("json", teamInviteSchema), async (c) =>
    c.json(await svc.invite(ctxOf(c), c.req.valid("param").id, c.req.valid("json")), 201),
  )
  .delete(`/${ID}/invitations/:invitationId${UUID}`, validate("param", invitationParam), async (c) => {
    const { id, invitationId } = c.req.valid("param");
    await svc.revokeInvitation(ctxOf(c), id, invitationId);
    return c.json({ ok: true });
  })
  .patch(`/${ID}/members/:userId${UUID}`, validate("param", memberParam), validate("json", teamMemberUpdateSchema), async (c) => {
    const { id, userId } = c.req.valid("param");
    return c.json(await svc.setRole(ctxOf(c), id, userId, c.req.valid("json").role));
  })
  .delete(`/${ID}/members/:userId${UUID}`, validate("param", memberParam), async (c) => {
    const { id, userId } = c.req.valid("param");
    await svc.removeMember(ctxOf(c), id, userId);
    return c.json({ ok: true });
  })
  .put(`/${ID}/projects/:projectId${UUID}`, validate("param", projectParam), async (c) => {
    const { id, projectId } = c.req.valid("param");
    return c.json(await projects.share(ctxOf(c), id, projectId));
  })
  .delete(`/${ID}/projects/:projectId${UUID}`, validate("param", projectParam), async (c) => {
    const { id, projectId } = c.req.valid("param");
    return c.json(await projects.unshare(ctxOf(c), id, projectId));
  });
