import { msg } from "../../i18n/api";
import {
  type ImageReviewList,
  REVIEW_VERDICT_LABELS,
  type ReviewVerdictInput,
  type ShareKind,
  type SharedReview,
} from "@image-studio/shared";
import type { Ctx, Deps } from "../../context";
import { consume, type RateRule } from "../../auth/rate-limit";
import { AppError, notFound } from "../../lib/errors";
import { notify } from "../notifications/notify";
import { imageScope } from "../teams/teams.access";
import { authorize, type Proof } from "./share.access";
import * as pub from "./share.public";
import * as repo from "./share.repo";
import * as reviews from "./share.reviews.repo";
import { statusOf } from "./share.service";

/**
 * Client review through a share link: anyone who may open a project or collection link with review on gives each
 * of its images a verdict. The reviewer id only groups one device's verdicts — it proves nothing, so it is never
 * shown to anyone. A revoked or expired link, another link's image or a link without review answer 404.
 */

/** Sixty verdicts per address per ten minutes; six hundred per link from everywhere. */
export const REVIEW_RULE_PER_CLIENT: RateRule = { window: 10 * 60, max: 60 };
export const REVIEW_RULE_PER_LINK: RateRule = { window: 10 * 60, max: 600 };

/** The link a reviewer may use: it must open (password, expiry) and carry review. */
async function reviewLink(deps: Deps, kind: ShareKind, token: string, proof: Proof, now: Date): Promise<repo.ShareLinkRow> {
  const found = await repo.byToken(deps.database.db, token);
  try {
    const link = await authorize(deps, found?.kind === kind ? found : undefined, proof, now);
    if (!link.allowReview || link.kind === "image") throw new AppError("NOT_FOUND", msg("share.noReviews"));
    return link;
  } catch (err) {
    // A revoked or expired link keeps no verdicts: it is simply gone.
    if (err instanceof AppError && err.code === "GONE") throw notFound("shareLink");
    throw err;
  }
}

async function limit(deps: Deps, link: repo.ShareLinkRow, ip: string | undefined, now: Date) {
  const db = deps.database.db;
  const at = now.getTime();
  const client = await consume(db, `share-review:${link.id}:${ip ?? "unknown"}`, REVIEW_RULE_PER_CLIENT, at);
  const all = client.allowed ? await consume(db, `share-review:${link.id}`, REVIEW_RULE_PER_LINK, at) : client;
  const refused = !client.allowed ? client : !all.allowed ? all : null;
  if (refused) {
    throw new AppError("RATE_LIMITED", msg("share.tooManyVerdicts"), { retryAfter: refused.retryAfter }, {
      "Retry-After": String(refused.retryAfter ?? 60),
    });
  }
}

const toShared = (r: reviews.ShareReviewRow, reviewerId: string | undefined): SharedReview => ({
  imageId: r.imageId,
  verdict: r.verdict,
  note: r.note,
  reviewerName: r.reviewerName,
  mine: r.reviewerId === reviewerId,
  updatedAt: r.updatedAt.toISOString(),
});

/** A reviewer's verdict on one image of the link; replaces their earlier verdict on it. */
export async function give(deps: Deps, kind: ShareKind, token: string, imageId: string, input: ReviewVerdictInput, proof: Proof): Promise<SharedReview> {
  const now = deps.clock.now();
  const link = await reviewLink(deps, kind, token, proof, now);
  await limit(deps, link, proof.ip, now);
  if (!(await pub.sharedFile(deps, link, imageId, "thumb-256", now))) throw notFound("image");
  const row = await reviews.upsert(
    deps.database.db,
    { linkId: link.id, userId: link.userId, imageId, reviewerId: input.reviewerId, reviewerName: input.reviewerName, verdict: input.verdict, note: input.note ?? "" },
    now,
  );
  await tellOwner(deps, link, row, now);
  return toShared(row, input.reviewerId);
}

/**
 * The owner hears of a reviewer once per link per day (the first verdict names itself; the rest are counted on the
 * Shared links page and the image pages), so a reviewer going through fifty pictures is one notification, one mail.
 */
async function tellOwner(deps: Deps, link: repo.ShareLinkRow, row: reviews.ShareReviewRow, now: Date) {
  await notify(deps, {
    userId: link.userId,
    kind: "share.review",
    params: { linkKind: link.kind, reviewer: row.reviewerName, verdict: row.verdict, note: row.note.slice(0, 200) },
    link: `/images/${row.imageId}`,
    data: { linkId: link.id, imageId: row.imageId, verdict: row.verdict, label: REVIEW_VERDICT_LABELS[row.verdict] },
    dedupeKey: `share.review:${link.id}:${row.reviewerId}:${now.toISOString().slice(0, 10)}`,
  });
}

/** The verdicts given through the link on what it shares today (an image taken out of the project drops out). */
export async function ofLink(deps: Deps, kind: ShareKind, token: string, reviewerId: string | undefined, proof: Proof): Promise<SharedReview[]> {
  const now = deps.clock.now();
  const link = await reviewLink(deps, kind, token, proof, now);
  const view = await pub.content(deps, link, now);
  const rows = await reviews.ofLink(deps.database.db, link.id, view.images.map((i) => i.id));
  return rows.map((r) => toShared(r, reviewerId));
}

/** The verdicts on an image, for its owner and any member of a team its project is shared with. */
export async function ofImage(ctx: Ctx, imageId: string): Promise<ImageReviewList> {
  const scope = await imageScope(ctx, imageId, "viewer");
  const rows = await reviews.ofImage(ctx.db, scope.user.id, imageId);
  const items = rows.map(({ review: r, link, projectName, collectionName, imageAlt }) => ({
    id: r.id,
    verdict: r.verdict,
    note: r.note,
    reviewerName: r.reviewerName,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    link: { id: link.id, kind: link.kind, targetName: projectName ?? collectionName ?? imageAlt ?? "Shared link", status: statusOf(link, ctx.now) },
  }));
  return {
    items,
    approved: items.filter((i) => i.verdict === "approved").length,
    changesRequested: items.filter((i) => i.verdict === "changes_requested").length,
  };
}
