import { type ReviewVerdict, SHARE_TOKEN_PATTERN, type SharedReview, type SharedReviewList } from "@image-studio/shared";

/** The kinds of link a review can be given through. */
export type ReviewKind = "project" | "collection";
import { queryOptions } from "@tanstack/react-query";
import { call, rpc } from "@/lib/rpc";

/** Tokens have their own pattern (SHARE_TOKEN_PATTERN): the routes take them by it. */
const TOKEN = `:token{${SHARE_TOKEN_PATTERN}}` as const;

/**
 * A reviewer on this device: a random id (it only groups this device's verdicts) and the name they gave once.
 * Kept in localStorage, so the same person keeps their verdicts across visits and links.
 */
export interface Reviewer {
  id: string;
  name: string;
}
const KEY = "image-studio.reviewer";

export function loadReviewer(): Reviewer {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? "null") as Partial<Reviewer> | null;
    if (raw && typeof raw.id === "string" && /^[0-9a-f-]{36}$/i.test(raw.id)) return { id: raw.id, name: typeof raw.name === "string" ? raw.name : "" };
  } catch {
    // A broken entry is replaced below.
  }
  const fresh = { id: crypto.randomUUID(), name: "" };
  saveReviewer(fresh);
  return fresh;
}

export function saveReviewer(r: Reviewer) {
  try {
    localStorage.setItem(KEY, JSON.stringify(r));
  } catch {
    // Private mode without storage: the name is asked again next time.
  }
}

export const reviewKeys = { list: (token: string) => ["share", "reviews", token] as const };

export const sharedReviewsOptions = (kind: ReviewKind, token: string, reviewerId: string) =>
  queryOptions({
    queryKey: reviewKeys.list(token),
    queryFn: async ({ signal }): Promise<SharedReviewList["items"]> =>
      (await call(rpc.shareReviews[kind][TOKEN].reviews.$get({ param: { token }, query: { reviewerId } }, { init: { signal } }))).items,
    retry: false,
  });

export const giveVerdict = (
  kind: ReviewKind,
  token: string,
  imageId: string,
  body: { verdict: ReviewVerdict; note?: string; reviewerName: string; reviewerId: string },
): Promise<SharedReview> => call(rpc.shareReviews[kind][TOKEN].reviews[":imageId"].$put({ param: { token, imageId }, json: body }));

/** Per image: this reviewer's verdict and everyone's counts. */
export function summarize(items: SharedReview[]) {
  const byImage = new Map<string, { mine: SharedReview | null; approved: number; changes: number; all: SharedReview[] }>();
  for (const r of items) {
    const s = byImage.get(r.imageId) ?? { mine: null, approved: 0, changes: 0, all: [] };
    if (r.mine) s.mine = r;
    if (r.verdict === "approved") s.approved++;
    else s.changes++;
    s.all.push(r);
    byImage.set(r.imageId, s);
  }
  return byImage;
}
