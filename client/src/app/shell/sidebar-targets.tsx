import { Link } from "@tanstack/react-router";
import { FolderKanban, LayoutGrid } from "@/components/ui/icons";
import { useTranslation } from "react-i18next";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { ImageDropTarget } from "@/components/image-dnd/drop-target";
import type { DropTargetData } from "@/components/image-dnd/drag-model";
import { useDropTargets } from "@/components/image-dnd/use-drop-targets";
import { cn } from "@/lib/cn";

function TargetLink({ target, collapsed }: { target: DropTargetData; collapsed: boolean }) {
  const Icon = target.kind === "project" ? FolderKanban : LayoutGrid;
  const className = cn(
    "flex items-center gap-2 rounded-lg px-3 py-1.5 pointer-coarse:py-3 text-sm text-muted-foreground transition-colors hover:bg-surface hover:text-foreground",
    "data-[status=active]:text-primary-strong",
    collapsed && "justify-center px-2",
  );
  const body = (
    <>
      <Icon className="size-4 shrink-0" aria-hidden="true" />
      <span className={cn("truncate", collapsed && "sr-only")}>{target.name}</span>
    </>
  );
  const link =
    target.kind === "project" ? (
      <Link to="/projects/$projectId" params={{ projectId: target.id }} className={className}>
        {body}
      </Link>
    ) : (
      <Link to="/collections/$collectionId" params={{ collectionId: target.id }} className={className}>
        {body}
      </Link>
    );
  return (
    <ImageDropTarget target={target} where="sidebar">
      {collapsed ? (
        <Tooltip>
          <TooltipTrigger asChild>{link}</TooltipTrigger>
          <TooltipContent side="right">{target.name}</TooltipContent>
        </Tooltip>
      ) : (
        link
      )}
    </ImageDropTarget>
  );
}

function Section({ title, targets, collapsed }: { title: string; targets: DropTargetData[]; collapsed: boolean }) {
  if (!targets.length) return null;
  return (
    <section aria-label={title} className="space-y-0.5">
      <h2 className={cn("px-3 pt-2 pb-1 text-xs font-semibold tracking-wide text-muted-foreground uppercase", collapsed && "sr-only")}>
        {title}
      </h2>
      <ul className="space-y-0.5">
        {targets.map((t) => (
          <li key={t.id}>
            <TargetLink target={t} collapsed={collapsed} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The recent projects and collections, under the main navigation: links, and the targets images are dragged
 * onto from the gallery (ImageDndProvider handles the drop).
 */
export function SidebarTargets({ collapsed = false }: { collapsed?: boolean }) {
  const { t } = useTranslation("shell");
  const { projects, collections } = useDropTargets();
  if (!projects.length && !collections.length) return null;
  return (
    <div className="space-y-2 border-t border-border p-2" data-testid="sidebar-targets">
      <Section title={t("sidebar.recentProjects")} targets={projects} collapsed={collapsed} />
      <Section title={t("sidebar.collections")} targets={collections} collapsed={collapsed} />
    </div>
  );
}
