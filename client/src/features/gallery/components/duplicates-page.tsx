import { DUPLICATE_THRESHOLD_MAX, type DuplicateGroup } from "@image-studio/shared";
import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { Copy, Trash2 } from "lucide-react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "@/app/shell/page-header";
import { BlurImage } from "@/components/image/blur-image";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { EmptyState } from "@/components/ui/empty-state";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { Slider } from "@/components/ui/slider";
import { formatNumber } from "@/i18n";
import { duplicatesOptions } from "../api/queries";
import { useImageActions } from "../hooks/use-image-actions";
import { formatBytes } from "./format";
import { GalleryNav } from "./gallery-nav";

const STRICTNESS = [
  "duplicates.strictness.identical",
  "duplicates.strictness.nearlyIdentical",
  "duplicates.strictness.veryClose",
  "duplicates.strictness.close",
  "duplicates.strictness.similar",
  "duplicates.strictness.loose",
  "duplicates.strictness.loosest",
] as const;

function Group({ group, onTrash }: { group: DuplicateGroup; onTrash: (ids: string[]) => void }) {
  const { t } = useTranslation("gallery");
  const [keep, setKeep] = useState<Set<string>>(() => new Set([group.items[0]!.id]));
  const extra = group.items.filter((i) => !keep.has(i.id)).map((i) => i.id);
  return (
    <section aria-label={t("duplicates.group", { count: group.items.length })} className="rounded-xl border border-border bg-card p-4 shadow-sm">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-muted-foreground">
          {t("duplicates.lookAlikes", { count: group.items.length })}
        </p>
        <Button variant="destructive" size="sm" disabled={!extra.length} onClick={() => onTrash(extra)}>
          <Trash2 aria-hidden="true" /> {t("duplicates.trash", { count: extra.length })}
        </Button>
      </div>
      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
        {group.items.map((img, i) => (
          <li key={img.id} className="flex flex-col gap-1.5">
            <Link to="/images/$imageId" params={{ imageId: img.id }} className="block overflow-hidden rounded-lg" aria-label={t("duplicates.open", { label: img.prompt || t("duplicates.image") })}>
              <BlurImage image={img} className="aspect-square" alt="" />
            </Link>
            <div className="flex items-center gap-2 text-xs">
              <Checkbox
                id={`keep-${img.id}`}
                checked={keep.has(img.id)}
                onCheckedChange={(c) => setKeep((k) => (c ? new Set(k).add(img.id) : new Set([...k].filter((x) => x !== img.id))))}
              />
              <Label htmlFor={`keep-${img.id}`} className="text-xs font-normal">
                {t("duplicates.keep")}
              </Label>
              {i === 0 ? <Badge variant="success">{t("duplicates.best")}</Badge> : <Badge variant="secondary">{t("duplicates.bitsApart", { count: img.distance })}</Badge>}
            </div>
            <p className="text-xs text-muted-foreground">
              {img.width}×{img.height} · {formatBytes(img.fileSize)}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Review near-duplicates (grouped by perceptual hash) and move the extras to the trash. */
export function DuplicatesPage() {
  const { t } = useTranslation("gallery");
  const [threshold, setThreshold] = useState(4);
  const q = useInfiniteQuery(duplicatesOptions(threshold));
  const actions = useImageActions();
  const [gone, setGone] = useState<Set<string>>(() => new Set());
  const groups = useMemo(
    () => (q.data?.pages.flatMap((p) => p.groups) ?? []).map((g) => ({ ...g, items: g.items.filter((i) => !gone.has(i.id)) })).filter((g) => g.items.length > 1),
    [q.data, gone],
  );
  const total = q.data?.pages[0]?.totalGroups ?? 0;
  const trash = (ids: string[]) => {
    setGone((s) => new Set([...s, ...ids]));
    actions.trash.mutate({ ids });
  };
  return (
    <>
      <PageHeader title={t("duplicates.title")} description={t("duplicates.description")} />
      <GalleryNav />
      <div className="mb-5 flex max-w-md flex-col gap-2 rounded-xl border border-border bg-surface p-4">
        <Label id="dup-threshold-label">
          {t("duplicates.strictnessLabel")} <span className="font-normal text-muted-foreground">{t(STRICTNESS[threshold] ?? STRICTNESS[4])}</span>
        </Label>
        <Slider min={0} max={DUPLICATE_THRESHOLD_MAX} step={1} value={[threshold]} onValueChange={([v]) => setThreshold(v ?? 4)} aria-labelledby="dup-threshold-label" />
        {!q.isPending && <p className="text-xs text-muted-foreground">{total ? t("duplicates.found", { count: total, n: formatNumber(total) }) : t("duplicates.none")}</p>}
      </div>
      {q.isPending ? (
        <div className="grid gap-4" aria-busy="true">
          <Skeleton className="h-52 rounded-xl" />
          <Skeleton className="h-52 rounded-xl" />
        </div>
      ) : groups.length === 0 ? (
        <EmptyState icon={Copy} title={t("duplicates.emptyTitle")} description={t("duplicates.emptyDescription")} />
      ) : (
        <div className="flex flex-col gap-4">
          {groups.map((g) => (
            <Group key={g.id} group={g} onTrash={trash} />
          ))}
          {q.hasNextPage && (
            <Button variant="outline" className="self-center" loading={q.isFetchingNextPage} onClick={() => void q.fetchNextPage()}>
              {t("duplicates.more")}
            </Button>
          )}
        </div>
      )}
    </>
  );
}
