import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "@/app/shell/page-header";
import { GalleryNav } from "./components/gallery-nav";
import { GalleryView } from "./components/gallery-view";
import type { GalleryMode, GallerySearch } from "./search";

const TITLES = {
  all: { title: "pages.all.title", description: "pages.all.description" },
  favorites: { title: "pages.favorites.title", description: "pages.favorites.description" },
  trash: { title: "pages.trash.title", description: "pages.trash.description" },
} as const satisfies Record<GalleryMode, { title: string; description: string }>;

/** A gallery page (all, favourites or trash): header, view tabs and the gallery itself. */
export function GalleryPage(props: { mode: GalleryMode; search: GallerySearch; onSearchChange: (patch: Partial<GallerySearch>) => void; extra?: ReactNode }) {
  const { t } = useTranslation("gallery");
  const page = TITLES[props.mode];
  return (
    <>
      <PageHeader title={t(page.title)} description={t(page.description)} />
      <GalleryNav />
      <GalleryView {...props} />
    </>
  );
}
