import { REVIEW_VERDICT_LABELS } from "@image-studio/shared";
import { useQuery } from "@tanstack/react-query";
import { CircleCheck, MessageSquareWarning } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { reviewsOptions } from "../../api/queries";
import { formatDate, timeAgo } from "../format";

const LINK_KIND = { image: "image link", project: "project link", collection: "collection link" } as const;

/**
 * "Review": the verdicts reviewers gave this image through share links with review on — who, approve or changes
 * requested, their note, when, and through which link. Nothing shows until someone reviewed.
 */
export function ReviewPanel({ imageId }: { imageId: string }) {
  const q = useQuery(reviewsOptions(imageId));
  if (!q.data || q.data.items.length === 0) return null;
  const { items, approved, changesRequested } = q.data;
  return (
    <section aria-labelledby="review-heading" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="review-heading" className="text-lg font-semibold">
          Review
        </h2>
        <p className="flex gap-2 text-xs">
          <Badge variant="success">{approved} approved</Badge>
          <Badge variant="warning">{changesRequested} changes requested</Badge>
        </p>
      </div>
      <ul className="space-y-2" aria-label="Verdicts">
        {items.map((r) => (
          <li key={r.id} className="rounded-lg border border-border p-3 text-sm">
            <div className="flex flex-wrap items-center gap-2">
              {r.verdict === "approved" ? (
                <CircleCheck className="size-4 text-success-strong" aria-hidden="true" />
              ) : (
                <MessageSquareWarning className="size-4 text-warning-strong" aria-hidden="true" />
              )}
              <span className="font-medium break-all">{r.reviewerName}</span>
              <span className={r.verdict === "approved" ? "text-success-strong" : "text-warning-strong"}>{REVIEW_VERDICT_LABELS[r.verdict]}</span>
            </div>
            {r.note && <p className="mt-1 whitespace-pre-wrap break-words">{r.note}</p>}
            <p className="mt-1 text-xs text-muted-foreground">
              <time dateTime={r.updatedAt} title={formatDate(r.updatedAt)}>
                {timeAgo(r.updatedAt)}
              </time>{" "}
              · via the {LINK_KIND[r.link.kind]} “{r.link.targetName}”{r.link.status !== "active" ? ` (${r.link.status})` : ""}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
