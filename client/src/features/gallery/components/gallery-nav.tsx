import { Link } from "@tanstack/react-router";
import { Copy, Heart, Images, Trash2 } from "lucide-react";
import { useTranslation } from "react-i18next";

const LINKS = [
  { to: "/gallery", label: "nav.all", icon: Images },
  { to: "/favorites", label: "nav.favorites", icon: Heart },
  { to: "/duplicates", label: "nav.duplicates", icon: Copy },
  { to: "/trash", label: "nav.trash", icon: Trash2 },
] as const;

/** Tabs between the gallery's views. */
export function GalleryNav() {
  const { t } = useTranslation("gallery");
  return (
    <nav aria-label={t("nav.label")} className="-mt-2 mb-5 flex gap-1 overflow-x-auto border-b border-border">
      {LINKS.map(({ to, label, icon: Icon }) => (
        <Link
          key={to}
          to={to}
          className="-mb-px flex shrink-0 items-center gap-2 border-b-2 border-transparent px-3 py-2 pointer-coarse:py-3 text-sm font-medium text-muted-foreground transition-colors duration-200 hover:text-foreground data-[status=active]:border-primary data-[status=active]:text-primary-strong"
        >
          <Icon className="size-4" aria-hidden="true" />
          {t(label)}
        </Link>
      ))}
    </nav>
  );
}
