import { REVIEW_NOTE_MAX, REVIEWER_NAME_MAX, type ReviewVerdict } from "@image-studio/shared";
import { useId, useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import { Textarea } from "@/components/ui/textarea";

export interface ReviewDraft {
  imageId: string;
  imageLabel: string;
  verdict: ReviewVerdict;
  note: string;
}

/**
 * The verdict on one image: approve or request changes, with an optional note, under the reviewer's name (asked the
 * first time, then remembered on this device; "Change" lets them correct it).
 */
export function ReviewDialog({
  draft,
  name,
  pending,
  onClose,
  onSubmit,
}: {
  draft: ReviewDraft;
  name: string;
  pending: boolean;
  onClose: () => void;
  onSubmit: (v: { verdict: ReviewVerdict; note: string; name: string }) => void;
}) {
  const { t } = useTranslation("share");
  const ids = useId();
  const [verdict, setVerdict] = useState<ReviewVerdict>(draft.verdict);
  const [note, setNote] = useState(draft.note);
  const [who, setWho] = useState(name);
  const [editName, setEditName] = useState(!name);
  const [error, setError] = useState<string | null>(null);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!who.trim()) return setError(t("review.nameRequired"));
    onSubmit({ verdict, note: note.trim(), name: who.trim() });
  };
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("review.title")}</DialogTitle>
          <DialogDescription className="line-clamp-2 break-words">{draft.imageLabel}</DialogDescription>
        </DialogHeader>
        <form onSubmit={submit} noValidate className="grid gap-4">
          {editName ? (
            <div className="grid gap-1.5">
              <Label htmlFor={`${ids}-name`}>{t("review.name")}</Label>
              <Input
                id={`${ids}-name`}
                value={who}
                maxLength={REVIEWER_NAME_MAX}
                autoComplete="name"
                aria-invalid={error ? true : undefined}
                aria-describedby={`${ids}-name-hint`}
                onChange={(e) => {
                  setWho(e.target.value);
                  setError(null);
                }}
              />
              <p id={`${ids}-name-hint`} className={error ? "text-xs text-destructive-strong" : "text-xs text-muted-foreground"}>
                {error ?? t("review.nameHint")}
              </p>
            </div>
          ) : (
            <p className="flex flex-wrap items-center gap-2 text-sm">
              <Trans t={t} i18nKey="review.reviewingAs" values={{ name: who }} components={{ strong: <strong className="break-all" /> }} />
              <Button type="button" variant="link" size="sm" className="h-auto px-0" onClick={() => setEditName(true)}>
                {t("review.changeName")}
              </Button>
            </p>
          )}
          <fieldset className="grid gap-2">
            <legend className="mb-1 text-sm font-medium">{t("review.verdict")}</legend>
            <RadioGroup value={verdict} onValueChange={(v) => setVerdict(v as ReviewVerdict)} className="grid gap-2 sm:grid-cols-2">
              <Label htmlFor={`${ids}-approved`} className="flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-border p-3 has-[:checked]:border-success-strong">
                <RadioGroupItem id={`${ids}-approved`} value="approved" /> {t("review.approve")}
              </Label>
              <Label htmlFor={`${ids}-changes`} className="flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-border p-3 has-[:checked]:border-warning-strong">
                <RadioGroupItem id={`${ids}-changes`} value="changes_requested" /> {t("review.requestChanges")}
              </Label>
            </RadioGroup>
          </fieldset>
          <div className="grid gap-1.5">
            <Label htmlFor={`${ids}-note`}>{t("review.note")}</Label>
            <Textarea
              id={`${ids}-note`}
              value={note}
              maxLength={REVIEW_NOTE_MAX}
              rows={4}
              autoResize
              className="max-h-60"
              aria-describedby={`${ids}-note-count`}
              placeholder={verdict === "changes_requested" ? t("review.notePlaceholderChanges") : t("review.notePlaceholder")}
              onChange={(e) => setNote(e.target.value)}
            />
            <p id={`${ids}-note-count`} className="text-right text-xs text-muted-foreground">
              {t("review.noteCount", { length: note.length, max: REVIEW_NOTE_MAX })}
            </p>
          </div>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={onClose}>
              {t("review.cancel")}
            </Button>
            <Button type="submit" loading={pending}>
              {t("review.send")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
