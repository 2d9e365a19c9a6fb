/**
 * The iterations started from an image in this tab, by source image id (newest first), so the image page and
 * the lightbox show their progress and results in place — whichever of them started the job. No React here.
 */

/** What an in-place job does; its name is `iteration:kind.<kind>` in the catalog ("Variation", "Upscale"…). */
export type InplaceKind =
  | "variation"
  | "upscale"
  | "remix"
  | "remove-background"
  | "inpaint"
  | "outpaint"
  | "style-transfer"
  | "animate"
  | "image-to-image";

export interface InplaceJob {
  jobId: string;
  kind: InplaceKind;
}

type Listener = () => void;
const MAX_PER_IMAGE = 6;
const EMPTY: readonly InplaceJob[] = Object.freeze([]);

const byImage = new Map<string, readonly InplaceJob[]>();
const listeners = new Set<Listener>();

export function trackInplaceJob(sourceImageId: string, job: InplaceJob) {
  const before = byImage.get(sourceImageId) ?? EMPTY;
  byImage.set(sourceImageId, [job, ...before.filter((j) => j.jobId !== job.jobId)].slice(0, MAX_PER_IMAGE));
  for (const l of listeners) l();
}

export function dismissInplaceJob(sourceImageId: string, jobId: string) {
  const before = byImage.get(sourceImageId);
  if (!before) return;
  byImage.set(sourceImageId, before.filter((j) => j.jobId !== jobId));
  for (const l of listeners) l();
}

export const inplaceJobs = (sourceImageId: string): readonly InplaceJob[] => byImage.get(sourceImageId) ?? EMPTY;

export function subscribeInplaceJobs(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
