/**
 * Client review through a share link: an anonymous reviewer approves an image or requests changes (with a note),
 * under a name they give once; the owner (and the project's team) sees the verdicts on the image page.
 */
import { z } from "zod";
import { safeText } from "./safe";
import type { ShareKind } from "./share";
import { REVIEW_NOTE_MAX, REVIEWER_NAME_MAX } from "./share-values";
import { vm } from "./validation-messages";

export const REVIEW_VERDICTS = ["approved", "changes_requested"] as const;
export type ReviewVerdict = (typeof REVIEW_VERDICTS)[number];
export const REVIEW_VERDICT_LABELS: Record<ReviewVerdict, string> = { approved: "Approved", changes_requested: "Changes requested" };

export { REVIEW_NOTE_MAX, REVIEWER_NAME_MAX } from "./share-values";
/** The kinds of link that can carry a review (a single image's link has nothing to compare). */
export const REVIEWABLE_KINDS = ["project", "collection"] as const satisfies readonly ShareKind[];

/** PUT /api/share/{kind}/:token/reviews/:imageId — the reviewer's verdict on one image (replaces their earlier one). */
export const reviewVerdictSchema = z
  .object({
    verdict: z.enum(REVIEW_VERDICTS),
    note: safeText().trim().max(REVIEW_NOTE_MAX, vm("share.noteTooLong", { max: REVIEW_NOTE_MAX })).optional(),
    reviewerName: safeText().trim().min(1, vm("account.nameRequired")).max(REVIEWER_NAME_MAX, vm("common.atMostChars", { max: REVIEWER_NAME_MAX })),
    /** A random id the reviewer's device keeps: it only groups one reviewer's verdicts. */
    reviewerId: z.uuid(),
  })
  .strict();
export type ReviewVerdictInput = z.infer<typeof reviewVerdictSchema>;

/** One verdict as the link's reviewers see it (no reviewer ids: `mine` marks the asker's own). */
export const sharedReviewSchema = z.object({
  imageId: z.uuid(),
  verdict: z.enum(REVIEW_VERDICTS),
  note: z.string(),
  reviewerName: z.string(),
  mine: z.boolean(),
  updatedAt: z.string(),
});
export type SharedReview = z.infer<typeof sharedReviewSchema>;
export const sharedReviewListSchema = z.object({ items: z.array(sharedReviewSchema) });
export type SharedReviewList = z.infer<typeof sharedReviewListSchema>;
/** GET …/reviews?reviewerId= — who asks (to mark their own verdicts). */
export const sharedReviewQuerySchema = z.object({ reviewerId: z.uuid().optional() });

/** GET /api/images/:id/reviews — the verdicts on one image, for its owner and the project's team. */
export const imageReviewSchema = z.object({
  id: z.uuid(),
  verdict: z.enum(REVIEW_VERDICTS),
  note: z.string(),
  reviewerName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  link: z.object({ id: z.uuid(), kind: z.enum(["image", "project", "collection"]), targetName: z.string(), status: z.enum(["active", "expired", "revoked"]) }),
});
export type ImageReview = z.infer<typeof imageReviewSchema>;
export const imageReviewListSchema = z.object({
  items: z.array(imageReviewSchema),
  approved: z.number().int(),
  changesRequested: z.number().int(),
});
export type ImageReviewList = z.infer<typeof imageReviewListSchema>;

export const sharedReviewsUrl = (kind: ShareKind, token: string) => `/api/share/${kind}/${token}/reviews`;
