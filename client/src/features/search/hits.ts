import type { SearchHit, SearchType } from "@image-studio/shared";
import type { TFunction } from "i18next";
import { BookText, FolderKanban, Image as ImageIcon, LayoutGrid, type LucideIcon } from "lucide-react";

/** Each kind's icon; its names are in the search catalog under types.<kind> (label, one, oneLower, none). */
export const TYPE_LABELS: Record<SearchType, { icon: LucideIcon }> = {
  images: { icon: ImageIcon },
  projects: { icon: FolderKanban },
  collections: { icon: LayoutGrid },
  prompts: { icon: BookText },
};

const FIELDS = ["altText", "category", "description", "model", "name", "negativePrompt", "notes", "parameters", "prompt", "tag", "title"] as const;

/** The name of the field a hit matched in (as the server or the offline search names it), for people. */
export function fieldLabel(t: TFunction<"search">, name: string): string {
  return (FIELDS as readonly string[]).includes(name) ? t(`fields.${name as (typeof FIELDS)[number]}`) : name;
}

/** Where a hit opens. */
export function hitLink(h: SearchHit): { to: string; params?: Record<string, string>; search?: Record<string, string> } {
  switch (h.type) {
    case "images":
      return { to: "/images/$imageId", params: { imageId: h.id } };
    case "projects":
      return { to: "/projects/$projectId", params: { projectId: h.id } };
    case "collections":
      return { to: "/collections/$collectionId", params: { collectionId: h.id } };
    case "prompts":
      return { to: "/prompts" };
  }
}
