import { BookText, Columns2, Copy, FolderKanban, Heart, ImagePlus, Images, LayoutDashboard, LayoutGrid, ListOrdered, type LucideIcon, Search, Settings, Sparkles, Trash2 } from "lucide-react";

type PageLabel = `pages.${"dashboard" | "generate" | "imageToImage" | "myImages" | "favourites" | "trash" | "duplicates" | "compare" | "projects" | "collections" | "prompts" | "queue" | "search" | "settings"}`;
type SettingsTabLabel = `settingsTabs.${"account" | "preferences" | "offline" | "models" | "notifications" | "privacy" | "apiKeys" | "billing"}`;

export interface PageEntry {
  to: string;
  /** Key in the palette catalog (pages.*). */
  label: PageLabel;
  icon: LucideIcon;
  keywords?: string[];
  search?: Record<string, string>;
}

/** Every page the palette can open (the settings tabs too). */
export const PAGES: PageEntry[] = [
  { to: "/dashboard", label: "pages.dashboard", icon: LayoutDashboard, keywords: ["home", "overview"] },
  { to: "/studio", label: "pages.generate", icon: Sparkles, keywords: ["studio", "create", "text to image"] },
  { to: "/image-to-image", label: "pages.imageToImage", icon: ImagePlus, keywords: ["edit", "img2img"] },
  { to: "/gallery", label: "pages.myImages", icon: Images, keywords: ["gallery", "library"] },
  { to: "/favorites", label: "pages.favourites", icon: Heart, keywords: ["favorites", "starred"] },
  { to: "/trash", label: "pages.trash", icon: Trash2, keywords: ["deleted", "bin"] },
  { to: "/duplicates", label: "pages.duplicates", icon: Copy, keywords: ["similar"] },
  { to: "/compare", label: "pages.compare", icon: Columns2 },
  { to: "/projects", label: "pages.projects", icon: FolderKanban },
  { to: "/collections", label: "pages.collections", icon: LayoutGrid, keywords: ["albums"] },
  { to: "/prompts", label: "pages.prompts", icon: BookText, keywords: ["library", "templates"] },
  { to: "/queue", label: "pages.queue", icon: ListOrdered, keywords: ["jobs", "progress"] },
  { to: "/search", label: "pages.search", icon: Search },
  { to: "/settings", label: "pages.settings", icon: Settings, keywords: ["account", "profile"] },
];

export const SETTINGS_TABS: { tab: string; label: SettingsTabLabel; keywords?: string[] }[] = [
  { tab: "account", label: "settingsTabs.account", keywords: ["password", "profile", "sessions", "two-factor"] },
  { tab: "preferences", label: "settingsTabs.preferences", keywords: ["theme", "accent", "shortcuts", "time zone", "language", "contrast", "motion"] },
  { tab: "offline", label: "settingsTabs.offline", keywords: ["cache", "storage"] },
  { tab: "models", label: "settingsTabs.models", keywords: ["default model", "parameters"] },
  { tab: "notifications", label: "settingsTabs.notifications", keywords: ["email", "alerts"] },
  { tab: "privacy", label: "settingsTabs.privacy", keywords: ["export", "import", "share", "retention", "metadata"] },
  { tab: "api-keys", label: "settingsTabs.apiKeys", keywords: ["token", "developer"] },
  { tab: "billing", label: "settingsTabs.billing", keywords: ["credits", "plan"] },
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

/** Clicks the page button with this `data-action` once the page has rendered it (a few frames at most). */
export function clickWhenReady(action: "new-project" | "new-collection", frames = 90) {
  // Found by its data-action, not its text: the text is in the reader's language.
  const button = document.querySelector<HTMLButtonElement>(`main button[data-action="${action}"]`);
  if (button) return button.click();
  if (frames > 0) requestAnimationFrame(() => clickWhenReady(action, frames - 1));
}
