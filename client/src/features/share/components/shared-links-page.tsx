import { imageFileUrl, type ShareLink } from "@image-studio/shared";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CircleCheck, CloudOff, Copy, Download, ExternalLink, FileText, Images, LockKeyhole, MessageSquareWarning, Pencil, Share2, Trash2 } from "lucide-react";
import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { PageHeader } from "@/app/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { formatDateTime } from "@/i18n";
import { ApiError } from "@/lib/api";
import { revokeShare, shareKeys, shareListOptions, updateShare } from "../api";
import { editDefaults, ShareOptionsForm, toUpdate } from "./share-options-form";
import { copyText } from "./share-result";

const KIND_LABEL = { image: "links.kind.image", project: "links.kind.project", collection: "links.kind.collection" } as const;
const STATUS = {
  active: { label: "links.status.active", variant: "success" },
  expired: { label: "links.status.expired", variant: "secondary" },
  revoked: { label: "links.status.revoked", variant: "destructive" },
} as const satisfies Record<ShareLink["status"], { label: string; variant: "success" | "secondary" | "destructive" }>;
const WHEN = { dateStyle: "medium", timeStyle: "short" } as const;
const when = (iso: string) => formatDateTime(iso, WHEN);

/** Views, last viewed and expiry or revocation, as one line of facts. */
function linkFacts(link: ShareLink, t: TFunction<"share">): string {
  const live = link.status === "active";
  return [
    t("links.views", { count: link.viewCount }),
    link.lastViewedAt ? t("links.lastViewed", { date: when(link.lastViewedAt) }) : t("links.notViewed"),
    link.revokedAt
      ? t("links.revokedAt", { date: when(link.revokedAt) })
      : link.expiresAt
        ? t(live ? "links.expires" : "links.expired", { date: when(link.expiresAt) })
        : t("links.neverExpires"),
  ].join(" · ");
}

function EditDialog({ link, onClose }: { link: ShareLink; onClose: () => void }) {
  const { t } = useTranslation("share");
  const qc = useQueryClient();
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("edit.title")}</DialogTitle>
          <DialogDescription>{t("edit.description")}</DialogDescription>
        </DialogHeader>
        <ShareOptionsForm
          defaults={editDefaults(link)}
          mode="edit"
          submitLabel={t("edit.save")}
          onSubmit={async (v) => {
            await updateShare(link.token, toUpdate(v));
            await qc.invalidateQueries({ queryKey: shareKeys.list() });
            toast.success(t("edit.saved"));
            onClose();
          }}
        />
      </DialogContent>
    </Dialog>
  );
}

function RevokeDialog({ link, onClose }: { link: ShareLink; onClose: () => void }) {
  const { t } = useTranslation("share");
  const qc = useQueryClient();
  const revoke = useMutation({
    mutationFn: () => revokeShare(link.token),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: shareKeys.list() });
      toast.success(t("revoke.done"));
      onClose();
    },
    onError: (e) => toast.error(e.message),
  });
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("revoke.title")}</DialogTitle>
          <DialogDescription>{t("revoke.description", { name: link.targetName })}</DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="outline">{t("revoke.keep")}</Button>
          </DialogClose>
          <Button variant="destructive" loading={revoke.isPending} onClick={() => revoke.mutate()}>
            <Trash2 aria-hidden="true" /> {t("revoke.confirm")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

/** Verdicts given through the link: approved and changes requested, one per reviewer per image. */
function ReviewCounts({ link }: { link: ShareLink }) {
  const { t } = useTranslation("share");
  const { approved, changesRequested } = link.reviews;
  return (
    <span className="inline-flex items-center gap-2" aria-label={t("links.reviewLabel", { approved, changes: changesRequested })}>
      <span className="inline-flex items-center gap-1 text-success-strong">
        <CircleCheck className="size-3" aria-hidden="true" /> {t("links.approved", { n: approved })}
      </span>
      <span className="inline-flex items-center gap-1 text-warning-strong">
        <MessageSquareWarning className="size-3" aria-hidden="true" /> {t("links.changesRequested", { n: changesRequested })}
      </span>
    </span>
  );
}

function LinkRow({ link, onEdit, onRevoke }: { link: ShareLink; onEdit: () => void; onRevoke: () => void }) {
  const { t } = useTranslation("share");
  const status = STATUS[link.status];
  const live = link.status === "active";
  return (
    <li className="flex flex-wrap items-center gap-4 rounded-xl border border-border bg-card p-3 sm:flex-nowrap">
      <div className="grid size-16 shrink-0 place-items-center overflow-hidden rounded-lg bg-muted">
        {link.thumbImageId ? (
          <img src={imageFileUrl(link.thumbImageId)} alt="" className="size-full object-cover" loading="lazy" />
        ) : (
          <Images className="size-6 text-muted-foreground" aria-hidden="true" />
        )}
      </div>
      <div className="min-w-0 flex-1 space-y-1">
        <div className="flex flex-wrap items-center gap-2">
          <h2 className="truncate font-medium">{link.targetName || t(KIND_LABEL[link.kind])}</h2>
          <Badge variant="outline">{t(KIND_LABEL[link.kind])}</Badge>
          <Badge variant={status.variant}>{t(status.label)}</Badge>
        </div>
        <p className="text-xs text-muted-foreground">{linkFacts(link, t)}</p>
        <p className="flex flex-wrap gap-3 text-xs text-muted-foreground">
          {link.hasPassword && (
            <span className="inline-flex items-center gap-1">
              <LockKeyhole className="size-3" aria-hidden="true" /> {t("links.password")}
            </span>
          )}
          <span className="inline-flex items-center gap-1">
            <Download className="size-3" aria-hidden="true" /> {link.allowDownload ? t("links.downloadsOn") : t("links.downloadsOff")}
          </span>
          <span className="inline-flex items-center gap-1">
            <FileText className="size-3" aria-hidden="true" /> {link.showPrompt ? t("links.promptShown") : t("links.promptHidden")}
          </span>
          {(link.allowReview || link.reviews.approved + link.reviews.changesRequested > 0) && <ReviewCounts link={link} />}
        </p>
      </div>
      <div className="flex w-full flex-wrap gap-2 sm:w-auto sm:flex-nowrap" role="group" aria-label={t("links.actions", { name: link.targetName })}>
        {live && (
          <>
            <Button variant="outline" size="sm" onClick={() => void copyText(link.url)}>
              <Copy aria-hidden="true" /> {t("links.copy")}
            </Button>
            <Button asChild variant="ghost" size="icon" aria-label={t("links.open")}>
              <a href={link.url} target="_blank" rel="noopener">
                <ExternalLink aria-hidden="true" />
              </a>
            </Button>
          </>
        )}
        {link.status !== "revoked" && (
          <>
            <Button variant="ghost" size="icon" aria-label={t("edit.title")} onClick={onEdit}>
              <Pencil aria-hidden="true" />
            </Button>
            <Button variant="ghost" size="icon" aria-label={t("revoke.confirm")} onClick={onRevoke}>
              <Trash2 aria-hidden="true" />
            </Button>
          </>
        )}
      </div>
    </li>
  );
}

/** `/shared`: every link the user made, with views, last viewed and expiry; edit or revoke each. */
export function SharedLinksPage() {
  const { t } = useTranslation("share");
  const q = useQuery(shareListOptions());
  const [editing, setEditing] = useState<ShareLink | null>(null);
  const [revoking, setRevoking] = useState<ShareLink | null>(null);
  const offline = q.error instanceof ApiError && q.error.code === "NETWORK";
  return (
    <div>
      <PageHeader title={t("links.title")} description={t("links.description")} />
      {q.isPending ? (
        <ul className="space-y-3" aria-busy="true" aria-label={t("links.loading")}>
          {[0, 1, 2].map((i) => (
            <li key={i}>
              <Skeleton className="h-22 rounded-xl" />
            </li>
          ))}
        </ul>
      ) : q.error ? (
        <EmptyState
          icon={CloudOff}
          title={offline ? t("links.offline") : t("links.loadFailed")}
          description={offline ? t("links.offlineHint") : q.error.message}
          action={<Button onClick={() => void q.refetch()}>{t("links.retry")}</Button>}
        />
      ) : q.data.length === 0 ? (
        <EmptyState icon={Share2} title={t("links.emptyTitle")} description={t("links.empty")} />
      ) : (
        <ul className="space-y-3" aria-label={t("links.listLabel")}>
          {q.data.map((l) => (
            <LinkRow key={l.id} link={l} onEdit={() => setEditing(l)} onRevoke={() => setRevoking(l)} />
          ))}
        </ul>
      )}
      {editing && <EditDialog link={editing} onClose={() => setEditing(null)} />}
      {revoking && <RevokeDialog link={revoking} onClose={() => setRevoking(null)} />}
    </div>
  );
}
