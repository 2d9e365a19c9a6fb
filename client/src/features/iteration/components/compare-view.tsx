import { imageFileUrl } from "@image-studio/shared";
import { Maximize, ZoomIn, ZoomOut } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { Slider } from "@/components/ui/slider";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { formatNumber } from "@/i18n";
import { usePanZoom } from "../hooks/use-pan-zoom";

/** Two images: a slider overlay (drag the divider) or side by side with one synced zoom/pan. */
export function CompareView({ a, b, labels = ["A", "B"] }: { a: string; b: string; labels?: [string, string] }) {
  const { t } = useTranslation("iteration");
  const [split, setSplit] = useState(50);
  const pz = usePanZoom();
  const zoomText = formatNumber(pz.view.scale, { style: "percent", maximumFractionDigits: 0 });
  const src = (id: string) => imageFileUrl(id, "original");
  const controls = (
    <div className="flex items-center gap-1">
      <Button size="icon" variant="ghost" aria-label={t("common.zoomOut")} onClick={pz.zoomOut}>
        <ZoomOut aria-hidden="true" />
      </Button>
      <span className="w-12 text-center text-xs tabular-nums">{zoomText}</span>
      <Button size="icon" variant="ghost" aria-label={t("common.zoomIn")} onClick={pz.zoomIn}>
        <ZoomIn aria-hidden="true" />
      </Button>
      <Button size="icon" variant="ghost" aria-label={t("compare.resetZoom")} onClick={pz.reset}>
        <Maximize aria-hidden="true" />
      </Button>
    </div>
  );
  const pane = (id: string, label: string) => (
    <figure
      className="relative h-[60dvh] touch-none overflow-hidden rounded-lg border border-border bg-muted"
      {...pz.handlers}
    >
      <img
        src={src(id)}
        alt={t("compare.image", { label })}
        draggable={false}
        className="size-full object-contain select-none"
        style={pz.style}
      />
      <figcaption className="absolute top-2 left-2 rounded bg-background/80 px-2 py-0.5 text-xs font-medium">
        {label}
      </figcaption>
    </figure>
  );
  return (
    <Tabs defaultValue="slider" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <TabsList>
          <TabsTrigger value="slider">{t("compare.slider")}</TabsTrigger>
          <TabsTrigger value="side">{t("compare.side")}</TabsTrigger>
        </TabsList>
        {controls}
      </div>
      <TabsContent value="slider" className="flex flex-col gap-2">
        <div
          data-testid="compare-slider"
          className="relative h-[60dvh] touch-none overflow-hidden rounded-lg border border-border bg-muted"
          {...pz.handlers}
        >
          <img
            src={src(b)}
            alt={t("compare.image", { label: labels[1] })}
            draggable={false}
            className="absolute inset-0 size-full object-contain select-none"
            style={pz.style}
          />
          <div className="absolute inset-0" style={{ clipPath: `inset(0 ${100 - split}% 0 0)` }}>
            <img
              src={src(a)}
              alt={t("compare.image", { label: labels[0] })}
              draggable={false}
              className="absolute inset-0 size-full object-contain select-none"
              style={pz.style}
            />
          </div>
          <div
            aria-hidden="true"
            className="pointer-events-none absolute inset-y-0 w-0.5 bg-primary"
            style={{ left: `${split}%` }}
          />
          <span className="absolute top-2 left-2 rounded bg-background/80 px-2 py-0.5 text-xs font-medium">
            {labels[0]}
          </span>
          <span className="absolute top-2 right-2 rounded bg-background/80 px-2 py-0.5 text-xs font-medium">
            {labels[1]}
          </span>
        </div>
        <Slider
          aria-label={t("compare.divider")}
          min={0}
          max={100}
          value={[split]}
          onValueChange={([v]) => setSplit(v ?? split)}
        />
      </TabsContent>
      <TabsContent value="side" className="grid gap-3 md:grid-cols-2">
        {pane(a, labels[0])}
        {pane(b, labels[1])}
      </TabsContent>
    </Tabs>
  );
}
