import { imageFileUrl, SEARCH_TYPES } from "@image-studio/shared";
import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { CommandGroup, CommandItem, CommandShortcut } from "@/components/ui/command";
import { searchQuery } from "../api/search";
import { hitLink, TYPE_LABELS } from "../hits";
import { useDebounced } from "./use-debounced";

/** Search results inside the command palette (the palette passes what is typed and how to close). */
export function PaletteResults({ text, onDone }: { text: string; onDone: () => void }) {
  const { t } = useTranslation("search");
  const navigate = useNavigate();
  const q = useDebounced(text.trim());
  const results = useQuery({ ...searchQuery({ q, limit: 4 }), enabled: q.length > 1 });
  const hits = results.data && q.length > 1 ? SEARCH_TYPES.flatMap((type) => results.data[type]) : [];
  if (!hits.length) return null;
  return (
    <CommandGroup forceMount heading={results.data?.offline ? t("palette.resultsOffline") : t("palette.results")}>
      {hits.map((h) => {
        const Icon = TYPE_LABELS[h.type].icon;
        return (
          <CommandItem
            key={`${h.type}-${h.id}`}
            forceMount
            value={`result ${h.type} ${h.id} ${h.title}`}
            onSelect={() => {
              onDone();
              void navigate(hitLink(h) as never);
            }}
          >
            {h.type === "images" ? <img src={imageFileUrl(h.id)} alt="" className="size-6 rounded object-cover" /> : <Icon aria-hidden="true" />}
            <span className="truncate">{h.title}</span>
            <CommandShortcut>{t(`types.${h.type}.one`)}</CommandShortcut>
          </CommandItem>
        );
      })}
    </CommandGroup>
  );
}
