import { useTranslation } from "react-i18next";
import { PageHeader } from "@/app/shell/page-header";
import type { GalleryMode } from "../search";
import { GalleryNav } from "./gallery-nav";

const TITLES = {
  all: { title: "pages.all.title", description: "pages.all.description" },
  favorites: { title: "pages.favorites.title", description: "pages.favorites.description" },
  trash: { title: "pages.trash.title", description: "pages.trash.description" },
} as const satisfies Record<GalleryMode, { title: string; description: string }>;

/** A gallery page's header and view tabs (also the prerendered frame's: gallery-frame.tsx). */
export function GalleryHeading({ mode }: { mode: GalleryMode }) {
  const { t } = useTranslation("gallery");
  const page = TITLES[mode];
  return (
    <>
      <PageHeader title={t(page.title)} description={t(page.description)} />
      <GalleryNav />
    </>
  );
}
