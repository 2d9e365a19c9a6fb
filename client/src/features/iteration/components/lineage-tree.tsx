import { imageFileUrl } from "@image-studio/shared";
import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { ArrowLeft, Maximize, ZoomIn, ZoomOut } from "lucide-react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/cn";
import { lineageOptions } from "../api/iteration-api";
import { usePanZoom } from "../hooks/use-pan-zoom";
import { layoutTree, NODE } from "./tree-layout";

/** The image's family: ancestors and every derivation, drawn as a tree; click a node to open it. */
export function LineageTree({ imageId }: { imageId: string }) {
  const { t } = useTranslation("iteration");
  const { data, isPending, error } = useQuery(lineageOptions(imageId));
  const navigate = useNavigate();
  const pz = usePanZoom(0.25, 4);
  if (isPending) return <Skeleton className="h-96 w-full rounded-xl" />;
  if (!data) return <p role="alert">{error?.message ?? t("tree.loadFailed")}</p>;
  const { placed, width, height } = layoutTree(data.nodes, data.rootId);
  const at = new Map(placed.map((p) => [p.node.id, p]));
  const pad = 16;
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <Button asChild variant="ghost" size="sm">
          <Link to="/images/$imageId" params={{ imageId }}>
            <ArrowLeft aria-hidden="true" /> {t("tree.back")}
          </Link>
        </Button>
        <h1 className="flex-1 text-xl font-bold tracking-tight">{t("tree.title")}</h1>
        <span className="text-sm text-muted-foreground">
          {t(data.truncated ? "tree.countTruncated" : "tree.count", { count: data.nodes.length })}
        </span>
        <Button size="icon" variant="ghost" aria-label={t("common.zoomOut")} onClick={pz.zoomOut}>
          <ZoomOut aria-hidden="true" />
        </Button>
        <Button size="icon" variant="ghost" aria-label={t("common.zoomIn")} onClick={pz.zoomIn}>
          <ZoomIn aria-hidden="true" />
        </Button>
        <Button size="icon" variant="ghost" aria-label={t("tree.resetView")} onClick={pz.reset}>
          <Maximize aria-hidden="true" />
        </Button>
      </div>
      <div
        className="h-[70dvh] touch-none overflow-hidden rounded-xl border border-border bg-muted/40"
        {...pz.handlers}
      >
        <div className="flex size-full items-center justify-center" style={pz.style}>
          <svg
            role="tree"
            aria-label={t("tree.label")}
            width={width + pad * 2}
            height={height + pad * 2 + 16}
            className="overflow-visible"
          >
            <g transform={`translate(${pad},${pad})`}>
              {placed.map(({ node, x, y }) => {
                const parent = node.parentImageId ? at.get(node.parentImageId) : undefined;
                if (!parent || node.id === data.rootId) return null;
                return (
                  <path
                    key={`e-${node.id}`}
                    d={`M${parent.x + NODE / 2},${parent.y + NODE} C${parent.x + NODE / 2},${y - 20} ${x + NODE / 2},${parent.y + NODE + 20} ${x + NODE / 2},${y}`}
                    className="fill-none stroke-border"
                    strokeWidth={2}
                  />
                );
              })}
              {placed.map(({ node, x, y }) => (
                <g
                  key={node.id}
                  role="treeitem"
                  aria-selected={node.id === imageId}
                  aria-label={t("tree.node", { operation: node.operation, prompt: node.prompt || node.id })}
                  tabIndex={0}
                  transform={`translate(${x},${y})`}
                  className="cursor-pointer focus:outline-none"
                  onClick={() => void navigate({ to: "/images/$imageId", params: { imageId: node.id } })}
                  onKeyDown={(e) =>
                    e.key === "Enter" && void navigate({ to: "/images/$imageId", params: { imageId: node.id } })
                  }
                >
                  <rect
                    width={NODE}
                    height={NODE}
                    rx={8}
                    className={cn("fill-card stroke-2", node.id === imageId ? "stroke-primary" : "stroke-border")}
                  />
                  <image
                    href={imageFileUrl(node.id)}
                    x={4}
                    y={4}
                    width={NODE - 8}
                    height={NODE - 8}
                    preserveAspectRatio="xMidYMid slice"
                    opacity={node.deleted ? 0.4 : 1}
                  />
                  <text x={NODE / 2} y={NODE + 14} textAnchor="middle" className="fill-muted-foreground text-[10px]">
                    {node.operation}
                  </text>
                </g>
              ))}
            </g>
          </svg>
        </div>
      </div>
    </div>
  );
}
