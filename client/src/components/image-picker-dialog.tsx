import type { ImageList } from "@image-studio/shared";
import { useQuery } from "@tanstack/react-query";
import { ImagePlus } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { BlurImage } from "@/components/image/blur-image";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { call, rpc } from "@/lib/rpc";
import { cn } from "@/lib/cn";

interface ImagePickerDialogProps {
  title: string;
  description: string;
  /** Gallery list query string, e.g. "projectId=none". */
  filter?: string;
  empty?: string;
  /** Resolves when the images were added; the dialog then closes. */
  onConfirm: (imageIds: string[]) => Promise<unknown>;
  busy?: boolean;
}

/** "Add images": pick from the latest gallery images (up to 100) and confirm. */
export function ImagePickerDialog({
  title,
  description,
  filter = "",
  empty,
  onConfirm,
  busy,
}: ImagePickerDialogProps) {
  const { t } = useTranslation("common");
  const [open, setOpen] = useState(false);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const query = `${filter ? `${filter}&` : ""}limit=100`;
  // The filter is a query string the caller built from the image list's own parameters.
  const candidates = useQuery({
    queryKey: ["images", "list", "picker", query],
    queryFn: ({ signal }): Promise<ImageList> =>
      call(rpc.images.index.$get({ query: Object.fromEntries(new URLSearchParams(query)) }, { init: { signal } })),
    enabled: open,
  });
  const toggle = (id: string) =>
    setPicked((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  const confirm = async () => {
    await onConfirm([...picked]);
    setPicked(new Set());
    setOpen(false);
  };
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm">
          <ImagePlus /> {t("imagePicker.trigger")}
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-3xl">
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        <ul
          className="grid max-h-[60vh] grid-cols-[repeat(auto-fill,minmax(6rem,1fr))] gap-2 overflow-y-auto"
          data-testid="image-picker"
        >
          {candidates.data?.items.map((img) => (
            <li key={img.id}>
              <button
                type="button"
                data-image-id={img.id}
                aria-pressed={picked.has(img.id)}
                aria-label={img.altText || img.prompt || t("imagePicker.untitled")}
                onClick={() => toggle(img.id)}
                className={cn(
                  "block aspect-square w-full overflow-hidden rounded-lg ring-offset-2",
                  picked.has(img.id) && "ring-2 ring-primary",
                )}
              >
                <BlurImage image={img} className="size-full" />
              </button>
            </li>
          ))}
        </ul>
        {candidates.data?.items.length === 0 && <p className="text-sm text-muted-foreground">{empty ?? t("imagePicker.empty")}</p>}
        <DialogFooter>
          <Button disabled={!picked.size} loading={busy} onClick={() => void confirm().catch(() => undefined)}>
            {picked.size ? t("imagePicker.add", { count: picked.size }) : t("imagePicker.trigger")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
