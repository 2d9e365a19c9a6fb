import { BookText, Columns2, Copy, FolderKanban, Heart, ImagePlus, Images, LayoutDashboard, LayoutGrid, ListOrdered, type LucideIcon, Search, Settings, Sparkles, Trash2 } from "lucide-react";

export interface PageEntry {
  to: string;
  label: string;
  icon: LucideIcon;
  keywords?: string[];
  search?: Record<string, string>;
}

/** Every page the palette can open (the settings tabs too). */
export const PAGES: PageEntry[] = [
  { to: "/dashboard", label: "Dashboard", icon: LayoutDashboard, keywords: ["home", "overview"] },
  { to: "/studio", label: "Generate", icon: Sparkles, keywords: ["studio", "create", "text to image"] },
  { to: "/image-to-image", label: "Image to image", icon: ImagePlus, keywords: ["edit", "img2img"] },
  { to: "/gallery", label: "My images", icon: Images, keywords: ["gallery", "library"] },
  { to: "/favorites", label: "Favourites", icon: Heart, keywords: ["favorites", "starred"] },
  { to: "/trash", label: "Trash", icon: Trash2, keywords: ["deleted", "bin"] },
  { to: "/duplicates", label: "Duplicates", icon: Copy, keywords: ["similar"] },
  { to: "/compare", label: "Compare", icon: Columns2 },
  { to: "/projects", label: "Projects", icon: FolderKanban },
  { to: "/collections", label: "Collections", icon: LayoutGrid, keywords: ["albums"] },
  { to: "/prompts", label: "Prompts", icon: BookText, keywords: ["library", "templates"] },
  { to: "/queue", label: "Queue", icon: ListOrdered, keywords: ["jobs", "progress"] },
  { to: "/search", label: "Search", icon: Search },
  { to: "/settings", label: "Settings", icon: Settings, keywords: ["account", "profile"] },
];

export const SETTINGS_TABS: { tab: string; label: string; keywords?: string[] }[] = [
  { tab: "account", label: "Account", keywords: ["password", "profile", "sessions", "two-factor"] },
  { tab: "preferences", label: "Preferences", keywords: ["theme", "accent", "shortcuts", "time zone", "language", "contrast", "motion"] },
  { tab: "offline", label: "Offline & storage", keywords: ["cache", "storage"] },
  { tab: "models", label: "Models", keywords: ["default model", "parameters"] },
  { tab: "notifications", label: "Notifications", keywords: ["email", "alerts"] },
  { tab: "privacy", label: "Privacy & data", keywords: ["export", "import", "share", "retention", "metadata"] },
  { tab: "api-keys", label: "API keys", keywords: ["token", "developer"] },
  { tab: "billing", label: "Billing", keywords: ["credits", "plan"] },
];

/** Routes the "g then letter" shortcuts open. */
export const GO_TO: Record<string, string> = {
  "go.dashboard": "/dashboard",
  "go.studio": "/studio",
  "go.gallery": "/gallery",
  "go.favorites": "/favorites",
  "go.projects": "/projects",
  "go.collections": "/collections",
  "go.prompts": "/prompts",
  "go.queue": "/queue",
  "go.trash": "/trash",
  "go.settings": "/settings",
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** An image id typed (or pasted as a link) into the palette. */
export function imageIdIn(text: string): string | null {
  const t = text.trim();
  if (UUID.test(t)) return t.toLowerCase();
  const m = /\/images\/([0-9a-f-]{36})/i.exec(t);
  return m && UUID.test(m[1]!) ? m[1]!.toLowerCase() : null;
}

/** Clicks the button named `name` once the page has rendered it (a few frames at most). */
export function clickWhenReady(name: string, frames = 90) {
  const button = [...document.querySelectorAll<HTMLButtonElement>("main button")].find((b) => b.textContent?.trim() === name);
  if (button) return button.click();
  if (frames > 0) requestAnimationFrame(() => clickWhenReady(name, frames - 1));
}
