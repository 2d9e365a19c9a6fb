import type { ImageSummary } from "@image-studio/shared";
import { Link } from "@tanstack/react-router";
import { ExternalLink, Maximize2, X } from "lucide-react";
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
  const label = image.altText || image.prompt || "Untitled image";
  const rows: [string, string][] = [
    ["Model", shortModel(image.modelId)],
    ["Size", `${image.width} × ${image.height}`],
    ["File", `${image.format.toUpperCase()} · ${formatBytes(image.fileSize)}`],
    ["Created", formatDate(image.createdAt)],
  ];
  return (
    <aside
      aria-label="Selected image"
      className="sticky top-0 flex max-h-[calc(100dvh-12rem)] w-60 shrink-0 animate-fade-in flex-col gap-3 overflow-y-auto rounded-xl border border-border bg-card p-3 xl:w-72"
    >
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-sm font-semibold">Selected</h2>
        <Button variant="ghost" size="icon" aria-label="Clear the selection" onClick={onClear}>
          <X aria-hidden="true" />
        </Button>
      </div>
      <button type="button" onClick={onView} aria-label={`View ${label}`} className="cursor-zoom-in overflow-hidden rounded-lg bg-muted">
        <BlurImage key={image.id} image={image} variant="preview-768" fit="contain" className="aspect-square w-full" alt="" />
      </button>
      <div className="grid grid-cols-2 gap-2">
        <Button asChild size="sm">
          <Link to="/images/$imageId" params={{ imageId: image.id }} aria-label="Open image page">
            <ExternalLink aria-hidden="true" /> Open
          </Link>
        </Button>
        <Button variant="outline" size="sm" onClick={onView} aria-label="View large">
          <Maximize2 aria-hidden="true" /> View
        </Button>
      </div>
      <p className="line-clamp-4 text-sm">{image.prompt || <span className="text-muted-foreground">No prompt</span>}</p>
      <dl className="divide-y divide-border text-xs">
        {rows.map(([k, v]) => (
          <div key={k} className="flex justify-between gap-2 py-1.5">
            <dt className="text-muted-foreground">{k}</dt>
            <dd className="min-w-0 truncate text-right">{v}</dd>
          </div>
        ))}
      </dl>
      {image.tags.length > 0 && <p className="text-xs text-muted-foreground">{image.tags.map((t) => `#${t}`).join(" ")}</p>}
    </aside>
  );
}
