import type { ReviewVerdict } from "@image-studio/shared";
import { useQuery } from "@tanstack/react-query";
import { CircleCheck, MessageSquareWarning } from "lucide-react";
import { useTranslation } from "react-i18next";
import { Badge } from "@/components/ui/badge";
import { reviewsOptions } from "../../api/queries";
import { formatDate, timeAgo } from "../format";

const LINK_KIND = { image: "review.link.image", project: "review.link.project", collection: "review.link.collection" } as const;
const VERDICT = { approved: "review.verdict.approved", changes_requested: "review.verdict.changesRequested" } as const satisfies Record<ReviewVerdict, string>;
const STATUS = { active: "review.status.active", expired: "review.status.expired", revoked: "review.status.revoked" } as const;

/**
 * "Review": the verdicts reviewers gave this image through share links with review on — who, approve or changes
 * requested, their note, when, and through which link. Nothing shows until someone reviewed.
 */
export function ReviewPanel({ imageId }: { imageId: string }) {
  const { t } = useTranslation("gallery");
  const q = useQuery(reviewsOptions(imageId));
  if (!q.data || q.data.items.length === 0) return null;
  const { items, approved, changesRequested } = q.data;
  return (
    <section aria-labelledby="review-heading" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="review-heading" className="text-lg font-semibold">
          {t("review.title")}
        </h2>
        <p className="flex gap-2 text-xs">
          <Badge variant="success">{t("review.approved", { count: approved })}</Badge>
          <Badge variant="warning">{t("review.changesRequested", { count: changesRequested })}</Badge>
        </p>
      </div>
      <ul className="space-y-2" aria-label={t("review.verdicts")}>
        {items.map((r) => (
          <li key={r.id} className="rounded-lg border border-border p-3 text-sm">
            <div className="flex flex-wrap items-center gap-2">
              {r.verdict === "approved" ? (
                <CircleCheck className="size-4 text-success-strong" aria-hidden="true" />
              ) : (
                <MessageSquareWarning className="size-4 text-warning-strong" aria-hidden="true" />
              )}
              <span className="font-medium break-all">{r.reviewerName}</span>
              <span className={r.verdict === "approved" ? "text-success-strong" : "text-warning-strong"}>{t(VERDICT[r.verdict])}</span>
            </div>
            {r.note && <p className="mt-1 whitespace-pre-wrap break-words">{r.note}</p>}
            <p className="mt-1 text-xs text-muted-foreground">
              <time dateTime={r.updatedAt} title={formatDate(r.updatedAt)}>
                {timeAgo(r.updatedAt)}
              </time>{" "}
              {r.link.status === "active"
                ? t("review.via", { kind: t(LINK_KIND[r.link.kind]), name: r.link.targetName })
                : t("review.viaStatus", { kind: t(LINK_KIND[r.link.kind]), name: r.link.targetName, status: t(STATUS[r.link.status]) })}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
