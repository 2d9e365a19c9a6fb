import {
  projectAddImagesSchema,
  projectArchiveSchema,
  projectCreateSchema,
  projectDeleteQuerySchema,
  projectImagesQuerySchema,
  projectListQuerySchema,
  projectSearchQuerySchema,
  projectUpdateSchema,
} from "@image-studio/shared";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context";
import { validate } from "../../lib/validate";
import { ctxOf, requireUser } from "../../middleware/require-user";
import { attachment } from "../images/images.http";
import { duplicate, saveAsTemplate } from "./projects.copy";
import * as svc from "./projects.service";
import { projectScope } from "../teams/teams.access";

const ID = ":id{[0-9a-fA-F-]{36}}";
const lower = z.uuid().transform((s) => s.toLowerCase());
const idParam = z.object({ id: lower });
const imageParam = z.object({ id: lower, imageId: lower });
const copyBody = z
  .object({ id: lower.optional(), name: z.string().trim().min(1).max(120).optional() })
  .strict()
  .default({});

/** /api/projects — anonymous is 401; someone else's project (or image) is a 404. */
export const projectRoutes = new Hono<AppEnv>()
  .use(requireUser)
  .get("/", validate("query", projectListQuerySchema), async (c) =>
    c.json({ items: await svc.list(ctxOf(c), c.req.valid("query")) }),
  )
  .post("/", validate("json", projectCreateSchema), async (c) => {
    const { project, created } = await svc.create(ctxOf(c), c.req.valid("json"));
    return c.json(project, created ? 201 : 200);
  })
  .get(`/${ID}`, validate("param", idParam), async (c) => {
    const { id } = c.req.valid("param");
    return c.json(await svc.get(await projectScope(ctxOf(c), id, "viewer"), id));
  })
  .put(`/${ID}`, validate("param", idParam), validate("json", projectUpdateSchema), async (c) =>
    c.json(await svc.update(ctxOf(c), c.req.valid("param").id, c.req.valid("json"))),
  )
  .delete(`/${ID}`, validate("param", idParam), validate("query", projectDeleteQuerySchema), async (c) =>
    c.json(await svc.remove(ctxOf(c), c.req.valid("param").id, c.req.valid("query").images)),
  )
  .get(`/${ID}/images`, validate("param", idParam), validate("query", projectImagesQuerySchema), async (c) => {
    const { id } = c.req.valid("param");
    return c.json(await svc.listImages(await projectScope(ctxOf(c), id, "viewer"), id, c.req.valid("query")));
  })
  .post(`/${ID}/images/add`, validate("param", idParam), validate("json", projectAddImagesSchema), async (c) =>
    c.json(await svc.addImages(ctxOf(c), c.req.valid("param").id, c.req.valid("json").imageIds)),
  )
  .delete(`/${ID}/images/:imageId`, validate("param", imageParam), async (c) => {
    const { id, imageId } = c.req.valid("param");
    return c.json(await svc.removeImage(await projectScope(ctxOf(c), id, "editor"), id, imageId));
  })
  .post(`/${ID}/duplicate`, validate("param", idParam), validate("json", copyBody), async (c) => {
    const { project, created } = await duplicate(ctxOf(c), c.req.valid("param").id, c.req.valid("json"));
    return c.json(project, created ? 201 : 200);
  })
  .post(`/${ID}/template`, validate("param", idParam), validate("json", copyBody), async (c) => {
    const { project, created } = await saveAsTemplate(ctxOf(c), c.req.valid("param").id, c.req.valid("json"));
    return c.json(project, created ? 201 : 200);
  })
  .put(`/${ID}/archive`, validate("param", idParam), validate("json", projectArchiveSchema), async (c) =>
    c.json(await svc.archive(ctxOf(c), c.req.valid("param").id, c.req.valid("json").archived)),
  )
  .get(`/${ID}/stats`, validate("param", idParam), async (c) => {
    const { id } = c.req.valid("param");
    return c.json(await svc.stats(await projectScope(ctxOf(c), id, "viewer"), id));
  })
  .post(`/${ID}/export`, validate("param", idParam), async (c) => {
    const { id } = c.req.valid("param");
    const zip = await svc.exportZip(await projectScope(ctxOf(c), id, "viewer"), id);
    return c.body(zip.body, 200, {
      "Content-Type": "application/zip",
      "Content-Disposition": attachment(zip.fileName),
      "Cache-Control": "no-store",
    });
  });

/** /api/search/projects?q= — name, description, notes and tags. */
export const projectSearchRoutes = new Hono<AppEnv>().get(
  "/projects",
  requireUser,
  validate("query", projectSearchQuerySchema),
  async (c) => {
    const { q, limit } = c.req.valid("query");
    return c.json({ items: await svc.search(ctxOf(c), q, limit) });
  },
);
