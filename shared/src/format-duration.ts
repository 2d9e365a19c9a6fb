/** "0:04", "1:02" for a duration in seconds. No zod here: job cards and the shared-link pages' video player show
 * it without building the video contracts' schemas (video.ts re-exports it). */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}
