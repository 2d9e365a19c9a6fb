import type { ReactNode } from "react";
import { PageHeader } from "@/app/shell/page-header";
import { GalleryNav } from "./components/gallery-nav";
import { GalleryView } from "./components/gallery-view";
import type { GalleryMode, GallerySearch } from "./search";

const TITLES: Record<GalleryMode, { title: string; description: string }> = {
  all: { title: "My images", description: "Everything you have made. Search, filter, select and organise." },
  favorites: { title: "Favourites", description: "The images you marked with a heart." },
  trash: { title: "Trash", description: "Deleted images wait here until you restore them or delete them for good." },
};

/** A gallery page (all, favourites or trash): header, view tabs and the gallery itself. */
export function GalleryPage(props: { mode: GalleryMode; search: GallerySearch; onSearchChange: (patch: Partial<GallerySearch>) => void; extra?: ReactNode }) {
  const t = TITLES[props.mode];
  return (
    <>
      <PageHeader title={t.title} description={t.description} />
      <GalleryNav />
      <GalleryView {...props} />
    </>
  );
}
