import type { AdminCommunityImage, AdminCommunityPage } from "@image-studio/shared";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { EyeOff, ImageOff } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { BlurImage } from "@/components/image/blur-image";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { Textarea } from "@/components/ui/textarea";
import { call, rpc } from "@/lib/rpc";

const key = ["admin", "community"] as const;

/** Moderation: every published image with its owner; unpublishing one is audited and tells the owner why. */
export function CommunityTab() {
  const { t } = useTranslation("admin");
  const qc = useQueryClient();
  const list = useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam }): Promise<AdminCommunityPage> => call(rpc.adminCommunity.images.$get({ query: { limit: "40", ...(pageParam ? { cursor: pageParam } : {}) } })),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const [target, setTarget] = useState<AdminCommunityImage | null>(null);
  const [reason, setReason] = useState("");
  const unpublish = useMutation({
    mutationFn: (img: AdminCommunityImage) => call(rpc.adminCommunity.images[":id{[0-9a-fA-F-]{36}}"].unpublish.$post({ param: { id: img.id }, json: { reason: reason.trim() } })),
    onSuccess: () => {
      toast.success(t("community.unpublished"));
      setTarget(null);
      setReason("");
      void qc.invalidateQueries({ queryKey: key });
    },
    onError: (e) => toast.error(e.message),
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  if (list.isPending) return <Skeleton className="h-48 rounded-xl" />;
  if (!items.length) return <EmptyState icon={ImageOff} title={t("community.empty.title")} description={t("community.empty.description")} />;
  return (
    <div className="space-y-4">
      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5" aria-label={t("community.listLabel")}>
        {items.map((img) => (
          <li key={img.id} className="overflow-hidden rounded-xl border border-border bg-card">
            <BlurImage image={{ id: img.id, thumbhash: img.thumbhash, width: img.width, height: img.height, altText: img.altText }} src={img.urls.thumb} alt={img.altText || img.prompt || t("community.imageAlt")} className="aspect-square" />
            <div className="space-y-1 p-2 text-xs">
              <p className="truncate font-medium">@{img.handle}</p>
              <p className="truncate text-foreground/80" title={img.ownerEmail}>
                {img.ownerEmail}
              </p>
              <p className="line-clamp-2 text-foreground/80">{img.prompt}</p>
              <Button variant="outline" size="sm" className="w-full" onClick={() => setTarget(img)} aria-label={t("community.unpublishLabel", { handle: img.handle })}>
                <EyeOff aria-hidden="true" /> {t("community.unpublish")}
              </Button>
            </div>
          </li>
        ))}
      </ul>
      {list.hasNextPage && (
        <Button variant="outline" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
          {t("showMore")}
        </Button>
      )}
      <Dialog open={!!target} onOpenChange={(o) => !o && setTarget(null)}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>{t("community.confirm.title")}</DialogTitle>
            <DialogDescription>{t("community.confirm.description", { handle: target?.handle })}</DialogDescription>
          </DialogHeader>
          <form
            className="grid gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              if (target && reason.trim()) unpublish.mutate(target);
            }}
          >
            <Label htmlFor="unpublish-reason">{t("community.confirm.reason")}</Label>
            <Textarea id="unpublish-reason" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} required />
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => setTarget(null)}>
                {t("cancel")}
              </Button>
              <Button type="submit" variant="destructive" disabled={!reason.trim() || unpublish.isPending}>
                {t("community.unpublish")}
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
    </div>
  );
}
