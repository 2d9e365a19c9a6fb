import { imageFileUrl, type Project, type ProjectUpdate } from "@image-studio/shared";
import { useInfiniteQuery } from "@tanstack/react-query";
import { ImageIcon } from "lucide-react";
import * as React from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { projectImagesOptions } from "../api";

/** Free-form notes of a project (saved when the field loses focus; offline through the outbox like every edit). */
export function ProjectNotes({ project, onSave }: { project: Project; onSave: (patch: ProjectUpdate) => void }) {
  const { t } = useTranslation("projects");
  return (
    <div className="space-y-1 rounded-xl border border-border p-4">
      <Label htmlFor="project-notes" className="font-semibold">
        {t("notes.label")}
      </Label>
      <Textarea
        id="project-notes"
        key={project.version}
        defaultValue={project.notes}
        placeholder={t("notes.placeholder")}
        className="min-h-28"
        onBlur={(e) => e.target.value !== project.notes && onSave({ notes: e.target.value })}
      />
    </div>
  );
}

/** Choose the project's cover among its images, or go back to "the latest image". */
export function CoverPicker({ project, onSave }: { project: Project; onSave: (patch: ProjectUpdate) => void }) {
  const { t } = useTranslation("projects");
  const [open, setOpen] = React.useState(false);
  const images = useInfiniteQuery({ ...projectImagesOptions(project.id), enabled: open });
  const items = images.data?.pages.flatMap((p) => p.items) ?? [];
  const pick = (coverImageId: string | null) => {
    onSave({ coverImageId });
    setOpen(false);
  };
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm" variant="outline" disabled={!project.imageCount}>
          <ImageIcon /> {t("cover.trigger")}
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-lg">
        <DialogHeader>
          <DialogTitle>{t("cover.title")}</DialogTitle>
          <DialogDescription>{t("cover.description")}</DialogDescription>
        </DialogHeader>
        <div role="group" aria-label={t("cover.images")} className="grid max-h-[60vh] grid-cols-3 gap-2 overflow-y-auto sm:grid-cols-4">
          {images.isPending && Array.from({ length: 8 }, (_, i) => <div key={i} className="aspect-square animate-pulse rounded-lg bg-muted motion-reduce:animate-none" />)}
          {items.map((img) => (
            <button
              key={img.id}
              type="button"
              aria-pressed={project.coverImageId === img.id}
              className="aspect-square overflow-hidden rounded-lg border-2 border-transparent focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none aria-pressed:border-primary"
              onClick={() => pick(img.id)}
            >
              <img src={imageFileUrl(img.id)} alt={img.altText || img.prompt.slice(0, 80) || t("cover.imageAlt")} className="size-full object-cover" loading="lazy" />
            </button>
          ))}
        </div>
        <Button type="button" variant="ghost" size="sm" className="justify-self-start" disabled={project.coverImageId === null} onClick={() => pick(null)}>
          {t("cover.latest")}
        </Button>
      </DialogContent>
    </Dialog>
  );
}
