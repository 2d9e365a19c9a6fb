import type { SearchHit, SearchType } from "@image-studio/shared";
import { BookText, FolderKanban, Image as ImageIcon, LayoutGrid, type LucideIcon } from "lucide-react";

export const TYPE_LABELS: Record<SearchType, { label: string; icon: LucideIcon }> = {
  images: { label: "Images", icon: ImageIcon },
  projects: { label: "Projects", icon: FolderKanban },
  collections: { label: "Collections", icon: LayoutGrid },
  prompts: { label: "Prompts", icon: BookText },
};

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
