import { imageFileUrl, type ShareLink } from "@image-studio/shared";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CircleCheck, CloudOff, Copy, Download, ExternalLink, FileText, Images, LockKeyhole, MessageSquareWarning, Pencil, Share2, Trash2 } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { PageHeader } from "@/app/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { ApiError } from "@/lib/api";
import { revokeShare, shareKeys, shareListOptions, updateShare } from "../api";
import { editDefaults, ShareOptionsForm, toUpdate } from "./share-options-form";
import { copyText } from "./share-result";

const KIND_LABEL = { image: "Image", project: "Project", collection: "Collection" } as const;
const STATUS: Record<ShareLink["status"], { label: string; variant: "success" | "secondary" | "destructive" }> = {
  active: { label: "Active", variant: "success" },
  expired: { label: "Expired", variant: "secondary" },
  revoked: { label: "Revoked", variant: "destructive" },
};
const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });

function EditDialog({ link, onClose }: { link: ShareLink; onClose: () => void }) {
  const qc = useQueryClient();
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Edit link</DialogTitle>
          <DialogDescription>Changes apply at once to everyone who has the link.</DialogDescription>
        </DialogHeader>
        <ShareOptionsForm
          defaults={editDefaults(link)}
          mode="edit"
          submitLabel="Save changes"
          onSubmit={async (v) => {
            await updateShare(link.token, toUpdate(v));
            await qc.invalidateQueries({ queryKey: shareKeys.list() });
            toast.success("Link updated");
            onClose();
          }}
        />
      </DialogContent>
    </Dialog>
  );
}

function RevokeDialog({ link, onClose }: { link: ShareLink; onClose: () => void }) {
  const qc = useQueryClient();
  const revoke = useMutation({
    mutationFn: () => revokeShare(link.token),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: shareKeys.list() });
      toast.success("Link turned off");
      onClose();
    },
    onError: (e) => toast.error(e.message),
  });
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Turn off this link?</DialogTitle>
          <DialogDescription>
            Everyone with the link to “{link.targetName}” loses access at once, including pictures they already opened. This can't be undone; you can
            create a new link later.
          </DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="outline">Keep it</Button>
          </DialogClose>
          <Button variant="destructive" loading={revoke.isPending} onClick={() => revoke.mutate()}>
            <Trash2 aria-hidden="true" /> Revoke link
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

/** Verdicts given through the link: approved and changes requested, one per reviewer per image. */
function ReviewCounts({ link }: { link: ShareLink }) {
  const { approved, changesRequested } = link.reviews;
  return (
    <span className="inline-flex items-center gap-2" aria-label={`Review: ${approved} approved, ${changesRequested} changes requested`}>
      <span className="inline-flex items-center gap-1 text-success-strong">
        <CircleCheck className="size-3" aria-hidden="true" /> {approved} approved
      </span>
      <span className="inline-flex items-center gap-1 text-warning-strong">
        <MessageSquareWarning className="size-3" aria-hidden="true" /> {changesRequested} changes requested
      </span>
    </span>
  );
}

function LinkRow({ link, onEdit, onRevoke }: { link: ShareLink; onEdit: () => void; onRevoke: () => void }) {
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
          <h2 className="truncate font-medium">{link.targetName || KIND_LABEL[link.kind]}</h2>
          <Badge variant="outline">{KIND_LABEL[link.kind]}</Badge>
          <Badge variant={status.variant}>{status.label}</Badge>
        </div>
        <p className="text-xs text-muted-foreground">
          {link.viewCount} {link.viewCount === 1 ? "view" : "views"} · {link.lastViewedAt ? `last viewed ${when(link.lastViewedAt)}` : "not viewed yet"} ·{" "}
          {link.revokedAt ? `revoked ${when(link.revokedAt)}` : link.expiresAt ? `${live ? "expires" : "expired"} ${when(link.expiresAt)}` : "never expires"}
        </p>
        <p className="flex flex-wrap gap-3 text-xs text-muted-foreground">
          {link.hasPassword && (
            <span className="inline-flex items-center gap-1">
              <LockKeyhole className="size-3" aria-hidden="true" /> Password
            </span>
          )}
          <span className="inline-flex items-center gap-1">
            <Download className="size-3" aria-hidden="true" /> Downloads {link.allowDownload ? "on" : "off"}
          </span>
          <span className="inline-flex items-center gap-1">
            <FileText className="size-3" aria-hidden="true" /> Prompt {link.showPrompt ? "shown" : "hidden"}
          </span>
          {(link.allowReview || link.reviews.approved + link.reviews.changesRequested > 0) && <ReviewCounts link={link} />}
        </p>
      </div>
      <div className="flex w-full flex-wrap gap-2 sm:w-auto sm:flex-nowrap" role="group" aria-label={`Actions for the link to ${link.targetName}`}>
        {live && (
          <>
            <Button variant="outline" size="sm" onClick={() => void copyText(link.url)}>
              <Copy aria-hidden="true" /> Copy
            </Button>
            <Button asChild variant="ghost" size="icon" aria-label="Open the public page">
              <a href={link.url} target="_blank" rel="noopener">
                <ExternalLink aria-hidden="true" />
              </a>
            </Button>
          </>
        )}
        {link.status !== "revoked" && (
          <>
            <Button variant="ghost" size="icon" aria-label="Edit link" onClick={onEdit}>
              <Pencil aria-hidden="true" />
            </Button>
            <Button variant="ghost" size="icon" aria-label="Revoke link" onClick={onRevoke}>
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
  const q = useQuery(shareListOptions());
  const [editing, setEditing] = useState<ShareLink | null>(null);
  const [revoking, setRevoking] = useState<ShareLink | null>(null);
  const offline = q.error instanceof ApiError && q.error.code === "NETWORK";
  return (
    <div>
      <PageHeader title="Shared links" description="Links to your images, projects and collections. Anyone with a link can view what it shares." />
      {q.isPending ? (
        <ul className="space-y-3" aria-busy="true" aria-label="Loading shared links">
          {[0, 1, 2].map((i) => (
            <li key={i}>
              <Skeleton className="h-22 rounded-xl" />
            </li>
          ))}
        </ul>
      ) : q.error ? (
        <EmptyState
          icon={CloudOff}
          title={offline ? "You're offline" : "Couldn't load your links"}
          description={offline ? "Shared links live on the server. Reconnect to see and manage them." : q.error.message}
          action={<Button onClick={() => void q.refetch()}>Try again</Button>}
        />
      ) : q.data.length === 0 ? (
        <EmptyState icon={Share2} title="No shared links yet" description="Open an image, project or collection and choose Share to create a link anyone can view." />
      ) : (
        <ul className="space-y-3" aria-label="Your shared links">
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
