import { Bot, BookText, Coins, Columns2, Globe, ImagePlus, FolderKanban, Images, Layers, LayoutDashboard, LayoutGrid, ListOrdered, Settings, Share2, Sparkles, Users } from "@/components/ui/icons";
import type { SpriteIcon } from "@/components/ui/icon";

import type { en } from "@/i18n/resources";

type Shell = (typeof en)["shell"];

export interface NavItem {
  to: "/dashboard" | "/studio" | "/batch" | "/image-to-image" | "/gallery" | "/compare" | "/projects" | "/collections" | "/prompts" | "/queue" | "/usage" | "/models" | "/shared" | "/teams" | "/community" | "/settings";
  /** A key of shell.json, translated where the item is shown. */
  label: `nav.${Extract<keyof Shell["nav"], string>}`;
  icon: SpriteIcon;
}

export interface NavGroup {
  /** Shown above the group in the expanded sidebar; the first group has none. */
  label?: `navGroups.${Extract<keyof Shell["navGroups"], string>}`;
  items: NavItem[];
}

/** The sidebar in four short groups, so 16 destinations read as a few places rather than one long list. */
export const NAV_GROUPS: NavGroup[] = [
  { items: [{ to: "/dashboard", label: "nav.dashboard", icon: LayoutDashboard }] },
  {
    label: "navGroups.create",
    items: [
      { to: "/studio", label: "nav.generate", icon: Sparkles },
      { to: "/batch", label: "nav.batch", icon: Layers },
      { to: "/image-to-image", label: "nav.imageToImage", icon: ImagePlus },
      { to: "/queue", label: "nav.queue", icon: ListOrdered },
    ],
  },
  {
    label: "navGroups.library",
    items: [
      { to: "/gallery", label: "nav.gallery", icon: Images },
      { to: "/projects", label: "nav.projects", icon: FolderKanban },
      { to: "/collections", label: "nav.collections", icon: LayoutGrid },
      { to: "/prompts", label: "nav.prompts", icon: BookText },
      { to: "/compare", label: "nav.compare", icon: Columns2 },
    ],
  },
  {
    label: "navGroups.share",
    items: [
      { to: "/shared", label: "nav.shared", icon: Share2 },
      { to: "/teams", label: "nav.teams", icon: Users },
      { to: "/community", label: "nav.community", icon: Globe },
    ],
  },
  {
    label: "navGroups.account",
    items: [
      { to: "/usage", label: "nav.usage", icon: Coins },
      { to: "/models", label: "nav.models", icon: Bot },
      { to: "/settings", label: "nav.settings", icon: Settings },
    ],
  },
];
