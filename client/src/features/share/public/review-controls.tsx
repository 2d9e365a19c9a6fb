import { type ReviewVerdict, type SharedImage, type SharedView } from "@image-studio/shared";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CircleCheck, MessageSquareWarning } from "lucide-react";
import { useMemo, useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import { giveVerdict, loadReviewer, type Reviewer, reviewKeys, saveReviewer, sharedReviewsOptions, summarize } from "./review-api";
import { type ReviewDraft, ReviewDialog } from "./review-dialog";

const VERDICT = { approved: "verdict.approved", changes_requested: "verdict.changesRequested" } as const satisfies Record<ReviewVerdict, string>;

export type ImageReviewSummary = ReturnType<typeof summarize> extends Map<string, infer V> ? V : never;

/**
 * Client review on a shared project or collection: the verdicts of the link, this device's reviewer, and the
 * dialog that sends one. `start` opens the dialog (always the first time, to ask the name; for a change request,
 * for its note); a known reviewer's approval is sent at once.
 */
export function useShareReview(view: SharedView, token: string, labelOf: (img: SharedImage) => string) {
  const { t } = useTranslation("share");
  const qc = useQueryClient();
  const [reviewer, setReviewer] = useState<Reviewer>(() => loadReviewer());
  // Only project and collection links collect reviews (the server never sets allowReview on an image link).
  const kind = view.kind === "image" ? "project" : view.kind;
  const q = useQuery({ ...sharedReviewsOptions(kind, token, reviewer.id), enabled: view.allowReview && view.kind !== "image" });
  const summary = useMemo(() => summarize(q.data ?? []), [q.data]);
  const [draft, setDraft] = useState<ReviewDraft | null>(null);
  const send = useMutation({
    mutationFn: (v: { imageId: string; verdict: ReviewVerdict; note: string; name: string }) =>
      giveVerdict(kind, token, v.imageId, { verdict: v.verdict, note: v.note, reviewerName: v.name, reviewerId: reviewer.id }),
    onSuccess: async (r, v) => {
      if (v.name !== reviewer.name) {
        const next = { ...reviewer, name: v.name };
        saveReviewer(next);
        setReviewer(next);
      }
      setDraft(null);
      toast.success(t(VERDICT[r.verdict]), { description: t("review.sent") });
      await qc.invalidateQueries({ queryKey: reviewKeys.list(token) });
    },
    onError: (e) => toast.error(e.message),
  });
  const start = (img: SharedImage, verdict: ReviewVerdict) => {
    const mine = summary.get(img.id)?.mine;
    if (verdict === "approved" && reviewer.name) return send.mutate({ imageId: img.id, verdict, note: "", name: reviewer.name });
    setDraft({ imageId: img.id, imageLabel: labelOf(img), verdict, note: mine?.verdict === verdict ? mine.note : "" });
  };
  const dialog = draft ? (
    <ReviewDialog draft={draft} name={reviewer.name} pending={send.isPending} onClose={() => setDraft(null)} onSubmit={(v) => send.mutate({ imageId: draft.imageId, ...v })} />
  ) : null;
  return { enabled: view.allowReview, reviewer, summary, start, pending: send.isPending, dialog };
}

/** Approve / Request changes for one image, pressed when it is this reviewer's verdict; everyone's counts below. */
export function ReviewButtons({ image, label, summary, onStart, compact = false }: { image: SharedImage; label: string; summary?: ImageReviewSummary; onStart: (img: SharedImage, v: ReviewVerdict) => void; compact?: boolean }) {
  const { t } = useTranslation("share");
  const mine = summary?.mine?.verdict;
  return (
    <div className={cn("flex items-center gap-1", compact ? "" : "flex-wrap justify-between pt-1.5")}>
      <div className="flex gap-1" role="group" aria-label={t("review.yourVerdict", { label })}>
        <Button
          type="button"
          size="icon"
          variant={mine === "approved" ? "default" : "outline"}
          aria-pressed={mine === "approved"}
          aria-label={t("review.approveImage", { label })}
          className={cn(mine === "approved" && "bg-success-solid text-success-foreground hover:bg-success-solid-hover")}
          onClick={() => onStart(image, "approved")}
        >
          <CircleCheck aria-hidden="true" />
        </Button>
        <Button
          type="button"
          size="icon"
          variant={mine === "changes_requested" ? "default" : "outline"}
          aria-pressed={mine === "changes_requested"}
          aria-label={t("review.requestChangesImage", { label })}
          className={cn(mine === "changes_requested" && "bg-warning-solid text-warning-foreground hover:bg-warning-solid-hover")}
          onClick={() => onStart(image, "changes_requested")}
        >
          <MessageSquareWarning aria-hidden="true" />
        </Button>
      </div>
      {!compact && summary && summary.all.length > 0 && (
        <p className="text-xs text-foreground/80" title={summary.all
            .map((r) => (r.note ? t("review.lineNote", { name: r.reviewerName, verdict: t(VERDICT[r.verdict]), note: r.note }) : t("review.line", { name: r.reviewerName, verdict: t(VERDICT[r.verdict]) })))
            .join("\n")}
        >
          {t("review.counts", { approved: summary.approved, count: summary.changes })}
        </p>
      )}
    </div>
  );
}

/** The gallery's header line: what review asks of the visitor, and as whom. */
export function ReviewIntro({ name, done, total }: { name: string; done: number; total: number }) {
  const { t } = useTranslation("share");
  return (
    <p className="rounded-xl border border-border bg-card p-3 text-sm">
      <Trans
        t={t}
        i18nKey={name ? "review.introNamed" : "review.intro"}
        values={{ name, done, total }}
        components={{ strong: <strong />, muted: <span className="text-foreground/80" /> }}
      />
    </p>
  );
}
