import type { ImageSummary } from "@image-studio/shared";
import { Link } from "@tanstack/react-router";
import { ExternalLink, Maximize2, X } from "lucide-react";
import { useTranslation } from "react-i18next";
import { BlurImage } from "@/components/image/blur-image";
import { Button } from "@/components/ui/button";
import { formatBytes, formatDate, shortModel } from "./format";

interface SelectedPanelProps {
  image: ImageSummary;
  onView: () => void;
  onClear: () => void;
}

/**
 * Tablets and up: the one selected image beside the grid — a larger look, its details and where to go next. Its
 * height leaves room for the selection bar at the bottom of the screen.
 */
export function SelectedPanel({ image, onView, onClear }: SelectedPanelProps) {
  const { t } = useTranslation("gallery");
  const label = image.altText || image.prompt || t("untitled");
  const rows: [string, string][] = [
    [t("columns.model"), shortModel(image.modelId)],
    [t("columns.size"), `${image.width} × ${image.height}`],
    [t("columns.file"), `${image.format.toUpperCase()} · ${formatBytes(image.fileSize)}`],
    [t("columns.created"), formatDate(image.createdAt)],
  ];
  return (
    <aside
      aria-label={t("selected.label")}
      className="sticky top-0 flex max-h-[calc(100dvh-12rem)] w-60 shrink-0 animate-fade-in flex-col gap-3 overflow-y-auto rounded-xl border border-border bg-card p-3 xl:w-72"
    >
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-sm font-semibold">{t("selected.title")}</h2>
        <Button variant="ghost" size="icon" aria-label={t("selected.clear")} onClick={onClear}>
          <X aria-hidden="true" />
        </Button>
      </div>
      <button type="button" onClick={onView} aria-label={t("selected.view", { label })} className="cursor-zoom-in overflow-hidden rounded-lg bg-muted">
        <BlurImage key={image.id} image={image} variant="preview-768" fit="contain" className="aspect-square w-full" alt="" />
      </button>
      <div className="grid grid-cols-2 gap-2">
        <Button asChild size="sm">
          <Link to="/images/$imageId" params={{ imageId: image.id }} aria-label={t("selected.openLabel")}>
            <ExternalLink aria-hidden="true" /> {t("selected.open")}
          </Link>
        </Button>
        <Button variant="outline" size="sm" onClick={onView} aria-label={t("selected.viewLarge")}>
          <Maximize2 aria-hidden="true" /> {t("selected.viewShort")}
        </Button>
      </div>
      <p className="line-clamp-4 text-sm">{image.prompt || <span className="text-muted-foreground">{t("noPrompt")}</span>}</p>
      <dl className="divide-y divide-border text-xs">
        {rows.map(([k, v]) => (
          <div key={k} className="flex justify-between gap-2 py-1.5">
            <dt className="text-muted-foreground">{k}</dt>
            <dd className="min-w-0 truncate text-right">{v}</dd>
          </div>
        ))}
      </dl>
      {image.tags.length > 0 && <p className="text-xs text-muted-foreground">{image.tags.map((tag) => `#${tag}`).join(" ")}</p>}
    </aside>
  );
}
