import { type ShareKind, reviewVerdictSchema, shareTokenSchema, SHARE_TOKEN_PATTERN, sharedReviewQuerySchema } from "@image-studio/shared";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context";
import { validate } from "../../lib/validate";
import { ctxOf, requireUser } from "../../middleware/require-user";
import { proofOf } from "./share.routes";
import * as svc from "./share.reviews";

const TOKEN = `:token{${SHARE_TOKEN_PATTERN}}`;
const lower = z.uuid().transform((s) => s.toLowerCase());
const tokenParam = z.object({ token: shareTokenSchema });
const verdictParam = z.object({ token: shareTokenSchema, imageId: lower });

/** GET and PUT of verdicts through a `kind` link (anonymous, token-scoped; the link must have review on). */
const reviewsOf = (kind: ShareKind) =>
  new Hono<AppEnv>()
    .get(`/${TOKEN}/reviews`, validate("param", tokenParam), validate("query", sharedReviewQuerySchema), async (c) => {
      c.header("Cache-Control", "private, no-store");
      return c.json({ items: await svc.ofLink(c.get("deps"), kind, c.req.valid("param").token, c.req.valid("query").reviewerId, proofOf(c)) });
    })
    .put(`/${TOKEN}/reviews/:imageId`, validate("param", verdictParam), validate("json", reviewVerdictSchema), async (c) => {
      const { token, imageId } = c.req.valid("param");
      return c.json(await svc.give(c.get("deps"), kind, token, imageId, c.req.valid("json"), proofOf(c)));
    });

/** /api/share/{project,collection}/:token/reviews — the reviewers' side. */
export const shareReviewRoutes = new Hono<AppEnv>().route("/project", reviewsOf("project")).route("/collection", reviewsOf("collection"));

/** GET /api/images/:id/reviews — the owner's (and the project team's) side. */
export const imageReviewRoutes = new Hono<AppEnv>().get("/:id{[0-9a-fA-F-]{36}}/reviews", requireUser, validate("param", z.object({ id: lower })), async (c) => {
  c.header("Cache-Control", "private, no-cache");
  return c.json(await svc.ofImage(ctxOf(c), c.req.valid("param").id));
});
