import type { ReactNode } from "react";
import { GalleryHeading } from "./components/gallery-heading";
import { GalleryView } from "./components/gallery-view";
import type { GalleryMode, GallerySearch } from "./search";

/** A gallery page (all, favourites or trash): header, view tabs and the gallery itself. */
export function GalleryPage(props: { mode: GalleryMode; search: GallerySearch; onSearchChange: (patch: Partial<GallerySearch>) => void; extra?: ReactNode }) {
  return (
    <>
      <GalleryHeading mode={props.mode} />
      <GalleryView {...props} />
    </>
  );
}
