/**
 * Value lists the app's URLs carry (gallery sort and aspect, community sort, credit kind). No zod here: the client's
 * route configs, in the app entry, read them to parse search params without pulling the schemas in.
 */
export const IMAGE_SORTS = ["date", "prompt", "rating", "model", "deleted"] as const;
export type ImageSort = (typeof IMAGE_SORTS)[number];
export const IMAGE_ASPECTS = ["square", "landscape", "portrait", "1:1", "16:9", "9:16", "4:3", "3:4", "3:2", "2:3", "21:9"] as const;
export type ImageAspect = (typeof IMAGE_ASPECTS)[number];

export const COMMUNITY_SORTS = ["newest", "popular"] as const;
export type CommunitySort = (typeof COMMUNITY_SORTS)[number];

/** Every kind of ledger entry. A hold takes a job's estimate; a refund returns what the job did not use. */
export const CREDIT_KINDS = ["grant", "hold", "charge", "refund", "adjust", "redeem", "purchase"] as const;
export type CreditKind = (typeof CREDIT_KINDS)[number];
