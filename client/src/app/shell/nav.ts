import { Bot, BookText, Coins, Columns2, Globe, ImagePlus, FolderKanban, Images, Layers, LayoutDashboard, LayoutGrid, ListOrdered, Settings, Share2, Sparkles, Users, type LucideIcon } from "lucide-react";

export interface NavItem {
  to: "/dashboard" | "/studio" | "/batch" | "/image-to-image" | "/gallery" | "/compare" | "/projects" | "/collections" | "/prompts" | "/queue" | "/usage" | "/models" | "/shared" | "/teams" | "/community" | "/settings";
  label: string;
  icon: LucideIcon;
}

export interface NavGroup {
  /** Shown above the group in the expanded sidebar; the first group has none. */
  label?: string;
  items: NavItem[];
}

/** The sidebar in four short groups, so 16 destinations read as a few places rather than one long list. */
export const NAV_GROUPS: NavGroup[] = [
  { items: [{ to: "/dashboard", label: "Dashboard", icon: LayoutDashboard }] },
  {
    label: "Create",
    items: [
      { to: "/studio", label: "Generate", icon: Sparkles },
      { to: "/batch", label: "Batch", icon: Layers },
      { to: "/image-to-image", label: "Image to image", icon: ImagePlus },
      { to: "/queue", label: "Queue", icon: ListOrdered },
    ],
  },
  {
    label: "Library",
    items: [
      { to: "/gallery", label: "My images", icon: Images },
      { to: "/projects", label: "Projects", icon: FolderKanban },
      { to: "/collections", label: "Collections", icon: LayoutGrid },
      { to: "/prompts", label: "Prompts", icon: BookText },
      { to: "/compare", label: "Compare", icon: Columns2 },
    ],
  },
  {
    label: "Share",
    items: [
      { to: "/shared", label: "Shared links", icon: Share2 },
      { to: "/teams", label: "Teams", icon: Users },
      { to: "/community", label: "Community", icon: Globe },
    ],
  },
  {
    label: "Account",
    items: [
      { to: "/usage", label: "Usage & credits", icon: Coins },
      { to: "/models", label: "Models", icon: Bot },
      { to: "/settings", label: "Settings", icon: Settings },
    ],
  },
];
