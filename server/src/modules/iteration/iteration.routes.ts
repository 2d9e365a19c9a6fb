import {
  imageToImageRequestSchema,
  inpaintRequestSchema,
  outpaintRequestSchema,
  remixRequestSchema,
  removeBackgroundRequestSchema,
  styleTransferRequestSchema,
  upscaleRequestSchema,
  variationRequestSchema,
} from "@image-studio/shared";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context";
import { validate } from "../../lib/validate";
import { ctxOf, requireUser } from "../../middleware/require-user";
import * as images from "../images/images.service";
import { imageScope } from "../teams/teams.access";
import { lineageInProject } from "../teams/teams.lineage";
import { uploadRoutes } from "../uploads/uploads.routes";
import * as iteration from "./iteration.service";
import { lineage } from "./lineage.service";

const idParam = z.object({ id: z.uuid("Image ids are UUIDs") });

/** /api/images/:id/{variation,upscale,remix,inpaint,outpaint,remove-background,style-transfer,lineage}. */
const derive = new Hono<AppEnv>()
  .post(
    "/:id/variation",
    requireUser,
    validate("param", idParam),
    validate("json", variationRequestSchema),
    async (c) => {
      const ctx = ctxOf(c);
      return c.json(
        await iteration.view(ctx, await iteration.variation(ctx, c.req.valid("param").id, c.req.valid("json"))),
        202,
      );
    },
  )
  .post("/:id/upscale", requireUser, validate("param", idParam), validate("json", upscaleRequestSchema), async (c) => {
    const ctx = ctxOf(c);
    return c.json(
      await iteration.view(ctx, await iteration.upscale(ctx, c.req.valid("param").id, c.req.valid("json"))),
      202,
    );
  })
  .post("/:id/remix", requireUser, validate("param", idParam), validate("json", remixRequestSchema), async (c) => {
    const ctx = ctxOf(c);
    return c.json(
      await iteration.view(ctx, await iteration.remix(ctx, c.req.valid("param").id, c.req.valid("json"))),
      202,
    );
  })
  .post("/:id/inpaint", requireUser, validate("param", idParam), validate("json", inpaintRequestSchema), async (c) => {
    const ctx = ctxOf(c);
    return c.json(
      await iteration.view(ctx, await iteration.inpaint(ctx, c.req.valid("param").id, c.req.valid("json"))),
      202,
    );
  })
  .post(
    "/:id/outpaint",
    requireUser,
    validate("param", idParam),
    validate("json", outpaintRequestSchema),
    async (c) => {
      const ctx = ctxOf(c);
      return c.json(
        await iteration.view(ctx, await iteration.outpaint(ctx, c.req.valid("param").id, c.req.valid("json"))),
        202,
      );
    },
  )
  .post(
    "/:id/remove-background",
    requireUser,
    validate("param", idParam),
    validate("json", removeBackgroundRequestSchema),
    async (c) => {
      const ctx = ctxOf(c);
      return c.json(
        await iteration.view(ctx, await iteration.removeBackground(ctx, c.req.valid("param").id, c.req.valid("json"))),
        202,
      );
    },
  )
  .post(
    "/:id/style-transfer",
    requireUser,
    validate("param", idParam),
    validate("json", styleTransferRequestSchema),
    async (c) => {
      const ctx = ctxOf(c);
      return c.json(
        await iteration.view(ctx, await iteration.styleTransfer(ctx, c.req.valid("param").id, c.req.valid("json"))),
        202,
      );
    },
  )
  .get("/:id/lineage", requireUser, validate("param", idParam), async (c) => {
    c.header("Cache-Control", "private, no-cache");
    // Team members of a shared project see the tree within that project (read-only).
    const id = c.req.valid("param").id;
    const scope = await imageScope(ctxOf(c), id, "viewer");
    const tree = await lineage(scope, id);
    const projectId = scope.actor ? (await images.get(scope, id)).projectId : null;
    return c.json(projectId ? await lineageInProject(scope, projectId, tree) : tree);
  });

/**
 * POST /api/generate/image-to-image from one of your images (sourceImageId) or uploads (uploadId). Mounted
 * before the generation module's routes, so it answers for both forms.
 */
const imageToImage = new Hono<AppEnv>().post(
  "/image-to-image",
  requireUser,
  validate("json", imageToImageRequestSchema),
  async (c) => {
    const ctx = ctxOf(c);
    return c.json(await iteration.view(ctx, await iteration.imageToImage(ctx, c.req.valid("json"))), 202);
  },
);

/** Everything this module serves, mounted once at /api. */
export const iterationRoutes = new Hono<AppEnv>()
  .route("/images", derive)
  .route("/generate", imageToImage)
  .route("/uploads", uploadRoutes);
