import { imageFileUrl, type ImageSummary } from "@image-studio/shared";
import { useQuery } from "@tanstack/react-query";
import { Images, Upload } from "lucide-react";
import * as React from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { call, rpc } from "@/lib/rpc";
import { uploadConditioningImage } from "../api/conditioning";
import type { ConditioningImage } from "../lib/form";
import { useTranslation } from "react-i18next";

/** Picks an image to condition on: upload a file, or one of the newest images in the gallery (recent results included). */
export function ImageChooser({ label, onPick }: { label: string; onPick: (img: ConditioningImage) => void }) {
  const { t } = useTranslation("studio");
  const fileRef = React.useRef<HTMLInputElement>(null);
  const [gallery, setGallery] = React.useState(false);
  const [busy, setBusy] = React.useState(false);
  const recent = useQuery({
    queryKey: ["images", "list", { conditioning: true }],
    queryFn: ({ signal }): Promise<{ items: ImageSummary[] }> =>
      call(rpc.images.index.$get({ query: { limit: "12", sort: "date", order: "desc" } }, { init: { signal } })),
    enabled: gallery,
    staleTime: 15_000,
  });
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    try {
      const up = await uploadConditioningImage(file, file.name || "image.png");
      onPick({ uploadId: up.uploadId, name: file.name || t("chooser.uploaded") });
    } catch (e) {
      toast.error(t("chooser.uploadFailed"), { description: e instanceof Error ? e.message : undefined });
    } finally {
      setBusy(false);
      if (fileRef.current) fileRef.current.value = "";
    }
  };
  return (
    <div className="grid gap-2">
      <div className="flex flex-wrap gap-2">
        <input ref={fileRef} type="file" accept="image/png,image/jpeg,image/webp" className="sr-only" tabIndex={-1} aria-label={t("chooser.uploadFile", { label })} onChange={(e) => void onFile(e.target.files?.[0])} />
        <Button type="button" variant="outline" size="sm" loading={busy} onClick={() => fileRef.current?.click()}>
          <Upload aria-hidden="true" /> {t("chooser.upload")}<span className="sr-only"> {label.toLowerCase()}</span>
        </Button>
        <Button type="button" variant="outline" size="sm" aria-expanded={gallery} onClick={() => setGallery((g) => !g)}>
          <Images aria-hidden="true" /> {t("chooser.fromGallery")}<span className="sr-only"> ({label.toLowerCase()})</span>
        </Button>
      </div>
      {gallery && (
        <div role="group" aria-label={t("chooser.recent", { label })} className="grid grid-cols-4 gap-1.5">
          {recent.isPending && Array.from({ length: 4 }, (_, i) => <div key={i} className="aspect-square animate-pulse rounded-lg bg-muted motion-reduce:animate-none" />)}
          {recent.data?.items.length === 0 && <p className="col-span-4 text-xs text-muted-foreground">{t("chooser.empty")}</p>}
          {recent.data?.items.map((img) => (
            <button
              key={img.id}
              type="button"
              className="aspect-square overflow-hidden rounded-lg border border-border focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
              onClick={() => {
                onPick({ imageId: img.id, name: img.prompt.slice(0, 60) || t("chooser.galleryImage") });
                setGallery(false);
              }}
            >
              <img src={imageFileUrl(img.id)} alt={img.altText || img.prompt.slice(0, 80) || t("chooser.galleryImage")} className="size-full object-cover" loading="lazy" />
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

/** A small thumbnail of a chosen conditioning image (gallery images only; uploads show their name). */
export function ChosenImage({ img }: { img: ConditioningImage }) {
  return (
    <div className="flex min-w-0 items-center gap-2 text-sm">
      {img.imageId ? (
        <img src={imageFileUrl(img.imageId)} alt="" className="size-10 shrink-0 rounded-md object-cover" />
      ) : (
        <span className="flex size-10 shrink-0 items-center justify-center rounded-md bg-muted" aria-hidden="true">
          <Upload className="size-4 text-muted-foreground" />
        </span>
      )}
      <span className="truncate">{img.name}</span>
    </div>
  );
}
