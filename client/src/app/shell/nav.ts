import { BookText, Columns2, ImagePlus, FolderKanban, Images, LayoutDashboard, LayoutGrid, ListOrdered, Settings, Sparkles, type LucideIcon } from "lucide-react";

export interface NavItem {
  to: "/dashboard" | "/studio" | "/image-to-image" | "/gallery" | "/compare" | "/projects" | "/collections" | "/prompts" | "/queue" | "/settings";
  label: string;
  icon: LucideIcon;
}

export const NAV_ITEMS: NavItem[] = [
  { to: "/dashboard", label: "Dashboard", icon: LayoutDashboard },
  { to: "/studio", label: "Generate", icon: Sparkles },
  { to: "/image-to-image", label: "Image to image", icon: ImagePlus },
  { to: "/gallery", label: "My images", icon: Images },
  { to: "/compare", label: "Compare", icon: Columns2 },
  { to: "/projects", label: "Projects", icon: FolderKanban },
  { to: "/collections", label: "Collections", icon: LayoutGrid },
  { to: "/prompts", label: "Prompts", icon: BookText },
  { to: "/queue", label: "Queue", icon: ListOrdered },
  { to: "/settings", label: "Settings", icon: Settings },
];
