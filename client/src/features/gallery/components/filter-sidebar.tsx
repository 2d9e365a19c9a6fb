import { IMAGE_ASPECTS, type ImageAspect } from "@image-studio/shared";
import { useQuery } from "@tanstack/react-query";
import { Star } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Switch } from "@/components/ui/switch";
import { cn } from "@/lib/cn";
import { facetsOptions } from "../api/queries";
import type { GalleryMode, GallerySearch } from "../search";
import { shortModel } from "./format";

const ANY = "__any";
const ASPECT_LABELS: Record<ImageAspect, string> = {
  square: "Square",
  landscape: "Landscape",
  portrait: "Portrait",
  "1:1": "1:1",
  "16:9": "16:9",
  "9:16": "9:16",
  "4:3": "4:3",
  "3:4": "3:4",
  "3:2": "3:2",
  "2:3": "2:3",
  "21:9": "21:9",
};
const RESOLUTIONS = [
  { value: "0.25", label: "0.25 MP or more (512²)" },
  { value: "1", label: "1 MP or more (1024²)" },
  { value: "4", label: "4 MP or more (2048²)" },
];

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="border-b border-border pb-4 last:border-0">
      <legend className="mb-2 text-xs font-semibold tracking-wide text-muted-foreground uppercase">{title}</legend>
      {children}
    </fieldset>
  );
}

function toggle(list: string[] | undefined, value: string): string[] | undefined {
  const next = list?.includes(value) ? list.filter((v) => v !== value) : [...(list ?? []), value];
  return next.length ? next : undefined;
}

interface FilterSidebarProps {
  mode: GalleryMode;
  search: GallerySearch;
  onChange: (patch: Partial<GallerySearch>) => void;
  onClear: () => void;
}

/** Every filter of the gallery. Choices come from the user's own images (models and tags they have used). */
export function FilterPanel({ mode, search, onChange, onClear }: FilterSidebarProps) {
  const { data: facets } = useQuery(facetsOptions());
  const select = (id: string, label: string, value: string | undefined, options: { value: string; label: string }[], set: (v: string | undefined) => void) => (
    <div className="grid gap-1">
      <Label htmlFor={id} className="text-xs font-normal text-muted-foreground">
        {label}
      </Label>
      <Select value={value ?? ANY} onValueChange={(v) => set(v === ANY ? undefined : v)}>
        <SelectTrigger id={id} size="sm">
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value={ANY}>Any</SelectItem>
          {options.map((o) => (
            <SelectItem key={o.value} value={o.value}>
              {o.label}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
    </div>
  );
  return (
    <div className="flex flex-col gap-4 text-sm">
      <div className="flex items-center justify-between">
        <h2 className="font-semibold">Filters</h2>
        <Button variant="link" size="sm" className="h-auto px-0" onClick={onClear}>
          Clear all
        </Button>
      </div>
      {mode === "all" && (
        <div className="flex items-center justify-between gap-2">
          <Label htmlFor="filter-favorites">Favourites only</Label>
          <Switch id="filter-favorites" checked={search.favorite === true} onCheckedChange={(c) => onChange({ favorite: c ? true : undefined })} />
        </div>
      )}
      <Section title="Model">
        {facets?.models.length ? (
          <ul className="flex flex-col gap-1.5">
            {facets.models.map((m) => (
              <li key={m.modelId} className="flex items-center gap-2">
                <Checkbox id={`model-${m.modelId}`} checked={search.models?.includes(m.modelId) ?? false} onCheckedChange={() => onChange({ models: toggle(search.models, m.modelId) })} />
                <Label htmlFor={`model-${m.modelId}`} className="min-w-0 flex-1 truncate font-normal" title={m.modelId}>
                  {shortModel(m.modelId)}
                </Label>
                <span className="font-mono text-xs text-muted-foreground">{m.count}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-xs text-muted-foreground">No models yet.</p>
        )}
      </Section>
      <Section title="Tags">
        {facets?.tags.length ? (
          <div className="flex max-h-40 flex-wrap gap-1.5 overflow-y-auto">
            {facets.tags.map((t) => {
              const on = search.tags?.includes(t.tag) ?? false;
              return (
                <button
                  key={t.tag}
                  type="button"
                  aria-pressed={on}
                  onClick={() => onChange({ tags: toggle(search.tags, t.tag) })}
                  className={cn(
                    "rounded-md border px-2 py-0.5 text-xs transition-colors duration-200",
                    on ? "border-primary bg-primary/15 text-primary-strong" : "border-border text-foreground hover:bg-muted",
                  )}
                >
                  {t.tag} <span className="text-muted-foreground">{t.count}</span>
                </button>
              );
            })}
          </div>
        ) : (
          <p className="text-xs text-muted-foreground">Tag images to filter by tag.</p>
        )}
      </Section>
      <Section title="Project and collection">
        <div className="flex flex-col gap-2">
          {select("filter-project", "Project", search.projectId, [{ value: "none", label: "No project" }, ...(facets?.projects ?? []).map((p) => ({ value: p.id, label: `${p.name} (${p.count})` }))], (v) =>
            onChange({ projectId: v }),
          )}
          {select("filter-collection", "Collection", search.collectionId, (facets?.collections ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.count})` })), (v) =>
            onChange({ collectionId: v }),
          )}
        </div>
      </Section>
      <Section title="Shape and size">
        <div className="flex flex-col gap-2">
          {select("filter-aspect", "Aspect ratio", search.aspect, IMAGE_ASPECTS.map((a) => ({ value: a, label: ASPECT_LABELS[a] })), (v) => onChange({ aspect: v as ImageAspect | undefined }))}
          {select("filter-resolution", "Resolution", search.minMegapixels?.toString(), RESOLUTIONS, (v) => onChange({ minMegapixels: v ? Number(v) : undefined }))}
        </div>
      </Section>
      <Section title="Rating">
        <div className="flex items-center gap-1" role="radiogroup" aria-label="Minimum rating">
          {[1, 2, 3, 4, 5].map((n) => (
            <button
              key={n}
              type="button"
              role="radio"
              aria-checked={search.minRating === n}
              aria-label={`${n} star${n > 1 ? "s" : ""} or more`}
              onClick={() => onChange({ minRating: search.minRating === n ? undefined : n })}
              className="rounded p-0.5"
            >
              <Star className={cn("size-5", (search.minRating ?? 0) >= n ? "fill-warning text-warning" : "text-muted-foreground")} aria-hidden="true" />
            </button>
          ))}
        </div>
      </Section>
      <Section title="Type">
        {select(
          "filter-media",
          "Images or videos",
          search.media,
          [
            { value: "image", label: "Images" },
            { value: "video", label: "Videos" },
          ],
          (v) => onChange({ media: v as "image" | "video" | undefined }),
        )}
      </Section>
      <Section title="Origin">
        {select(
          "filter-parent",
          "Made from",
          search.hasParent === undefined ? undefined : String(search.hasParent),
          [
            { value: "false", label: "Generated from a prompt" },
            { value: "true", label: "Made from another image" },
          ],
          (v) => onChange({ hasParent: v === undefined ? undefined : v === "true" }),
        )}
      </Section>
      <Section title="Date">
        <div className="grid grid-cols-2 gap-2">
          <div>
            <Label htmlFor="filter-from" className="text-xs font-normal text-muted-foreground">
              From
            </Label>
            <Input id="filter-from" type="date" value={search.from ?? ""} onChange={(e) => onChange({ from: e.target.value || undefined })} className="h-8 px-2 text-xs" />
          </div>
          <div>
            <Label htmlFor="filter-to" className="text-xs font-normal text-muted-foreground">
              To
            </Label>
            <Input id="filter-to" type="date" value={search.to ?? ""} onChange={(e) => onChange({ to: e.target.value || undefined })} className="h-8 px-2 text-xs" />
          </div>
        </div>
      </Section>
    </div>
  );
}
