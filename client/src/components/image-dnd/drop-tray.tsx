import { FolderKanban, LayoutGrid } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ImageDropTarget } from "./drop-target";
import { useDropTargets } from "./use-drop-targets";

/**
 * On narrow screens the side bar is hidden, so while images are dragged the same targets rise from the bottom
 * edge, within reach of a thumb.
 */
export function DropTray() {
  const { t } = useTranslation("common");
  // Read once when the drag starts (the tray lives only as long as the drag): no second set of targets on wide screens.
  const [narrow] = useState(() => window.matchMedia("(max-width: 767px)").matches);
  const { projects, collections } = useDropTargets(narrow);
  if (!narrow) return null;
  const targets = [...projects, ...collections];
  return (
    <div
      className="fixed inset-x-0 bottom-0 z-50 border-t border-border bg-background/95 p-3 shadow-2xl backdrop-blur md:hidden"
      data-testid="drop-tray"
    >
      <p className="mb-2 text-xs font-medium text-muted-foreground">
        {targets.length ? t("dnd.trayDrop") : t("dnd.trayEmpty")}
      </p>
      <ul className="flex gap-2 overflow-x-auto pb-1">
        {targets.map((t) => {
          const Icon = t.kind === "project" ? FolderKanban : LayoutGrid;
          return (
            <li key={`${t.kind}:${t.id}`} className="shrink-0">
              <ImageDropTarget target={t} where="tray" className="flex items-center gap-2 border border-border px-3 py-3 text-sm">
                <Icon className="size-4 text-muted-foreground" aria-hidden />
                <span className="max-w-40 truncate">{t.name}</span>
              </ImageDropTarget>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
