import { type ReviewVerdict, type ShareKind, type SharedReview, type SharedReviewList, sharedReviewsUrl } from "@image-studio/shared";
import { queryOptions } from "@tanstack/react-query";
import { api } from "@/lib/api";

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

export const sharedReviewsOptions = (kind: ShareKind, token: string, reviewerId: string) =>
  queryOptions({
    queryKey: reviewKeys.list(token),
    queryFn: async ({ signal }) =>
      (await api<SharedReviewList>(`${sharedReviewsUrl(kind, token)}?reviewerId=${encodeURIComponent(reviewerId)}`, { signal, credentials: "same-origin" })).items,
    retry: false,
  });

export const giveVerdict = (kind: ShareKind, token: string, imageId: string, body: { verdict: ReviewVerdict; note?: string; reviewerName: string; reviewerId: string }) =>
  api<SharedReview>(`${sharedReviewsUrl(kind, token)}/${imageId}`, { method: "PUT", body, credentials: "same-origin" });

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
