import { BULK_MAX } from "@image-studio/shared";
import { Download, FileJson, FolderInput, Heart, HeartOff, RotateCcw, Tags, Trash2, X } from "lucide-react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { formatNumber, i18n } from "@/i18n";
import { downloadZip, exportMetadata } from "../api/requests";
import type { GalleryMode } from "../search";

export interface BulkHandlers {
  onMove: () => void;
  onTag: () => void;
  onFavorite: (favorite: boolean) => void;
  onTrash: () => void;
  onRestore: () => void;
  onPurge: () => void;
  onClear: () => void;
}

function guard(ids: string[], run: (ids: string[]) => void) {
  if (ids.length > BULK_MAX) toast.error(i18n.t("gallery:bulk.tooMany", { max: BULK_MAX }));
  else run(ids);
}

/** The bar that slides up while images are selected. */
export function BulkToolbar({ ids, mode, h }: { ids: string[]; mode: GalleryMode; h: BulkHandlers }) {
  const { t } = useTranslation("gallery");
  if (!ids.length) return null;
  return (
    <div
      role="toolbar"
      aria-label={t("bulk.label")}
      className="fixed inset-x-2 bottom-[max(0.5rem,env(safe-area-inset-bottom))] z-40 mx-auto flex max-w-4xl animate-slide-in flex-wrap items-center gap-1 rounded-xl border border-border bg-popover p-2 text-popover-foreground shadow-xl sm:gap-2"
    >
      <Button variant="ghost" size="icon" onClick={h.onClear} aria-label={t("bulk.clear")}>
        <X aria-hidden="true" />
      </Button>
      <span className="mr-auto text-sm font-medium" aria-live="polite">
        {t("bulk.selected", { count: ids.length, n: formatNumber(ids.length) })}
      </span>
      {mode === "trash" ? (
        <>
          <Button variant="secondary" size="sm" onClick={h.onRestore}>
            <RotateCcw aria-hidden="true" /> {t("bulk.restore")}
          </Button>
          <Button variant="destructive" size="sm" onClick={h.onPurge}>
            <Trash2 aria-hidden="true" /> {t("bulk.purge")}
          </Button>
        </>
      ) : (
        <>
          <Button variant="ghost" size="sm" onClick={h.onMove}>
            <FolderInput aria-hidden="true" /> <span className="hidden sm:inline">{t("bulk.move")}</span>
          </Button>
          <Button variant="ghost" size="sm" onClick={h.onTag}>
            <Tags aria-hidden="true" /> <span className="hidden sm:inline">{t("bulk.tag")}</span>
          </Button>
          <DropdownMenu>
            <DropdownMenuTrigger asChild>
              <Button variant="ghost" size="sm" aria-label={t("bulk.favourite")}>
                <Heart aria-hidden="true" /> <span className="hidden sm:inline">{t("bulk.favourite")}</span>
              </Button>
            </DropdownMenuTrigger>
            <DropdownMenuContent>
              <DropdownMenuItem onSelect={() => h.onFavorite(true)}>
                <Heart aria-hidden="true" /> {t("bulk.addFavourites")}
              </DropdownMenuItem>
              <DropdownMenuItem onSelect={() => h.onFavorite(false)}>
                <HeartOff aria-hidden="true" /> {t("bulk.removeFavourites")}
              </DropdownMenuItem>
            </DropdownMenuContent>
          </DropdownMenu>
          <DropdownMenu>
            <DropdownMenuTrigger asChild>
              <Button variant="ghost" size="sm" aria-label={t("bulk.downloadOrExport")}>
                <Download aria-hidden="true" /> <span className="hidden sm:inline">{t("bulk.download")}</span>
              </Button>
            </DropdownMenuTrigger>
            <DropdownMenuContent>
              <DropdownMenuItem onSelect={() => guard(ids, downloadZip)}>
                <Download aria-hidden="true" /> {t("bulk.zip")}
              </DropdownMenuItem>
              <DropdownMenuItem onSelect={() => guard(ids, (x) => exportMetadata(x, "json"))}>
                <FileJson aria-hidden="true" /> {t("bulk.json")}
              </DropdownMenuItem>
              <DropdownMenuItem onSelect={() => guard(ids, (x) => exportMetadata(x, "csv"))}>
                <FileJson aria-hidden="true" /> {t("bulk.csv")}
              </DropdownMenuItem>
            </DropdownMenuContent>
          </DropdownMenu>
          <Button variant="destructive" size="sm" onClick={h.onTrash}>
            <Trash2 aria-hidden="true" /> <span className="hidden sm:inline">{t("bulk.delete")}</span>
          </Button>
        </>
      )}
    </div>
  );
}
