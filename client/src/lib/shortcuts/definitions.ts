/** Every keyboard shortcut of the app: one place for the defaults, the help overlay and the settings editor. */

export type ShortcutGroup = "General" | "Go to" | "Gallery";

export interface ShortcutDef {
  id: string;
  group: ShortcutGroup;
  description: string;
  /** Default binding: "k", "shift+/", "mod+k" (⌘ on Apple, Ctrl elsewhere), or a sequence "g d". */
  keys: string;
  /** Fires even while typing in a field (only modifier combos may). */
  allowInInputs?: boolean;
}

export const SHORTCUTS = [
  { id: "palette", group: "General", description: "Open the command palette", keys: "mod+k", allowInInputs: true },
  { id: "help", group: "General", description: "Show keyboard shortcuts", keys: "?" },
  { id: "search", group: "General", description: "Search", keys: "/" },
  { id: "go.dashboard", group: "Go to", description: "Dashboard", keys: "g d" },
  { id: "go.studio", group: "Go to", description: "Generate (studio)", keys: "g s" },
  { id: "go.gallery", group: "Go to", description: "My images", keys: "g i" },
  { id: "go.favorites", group: "Go to", description: "Favourites", keys: "g f" },
  { id: "go.projects", group: "Go to", description: "Projects", keys: "g p" },
  { id: "go.collections", group: "Go to", description: "Collections", keys: "g c" },
  { id: "go.prompts", group: "Go to", description: "Prompts", keys: "g l" },
  { id: "go.queue", group: "Go to", description: "Queue", keys: "g q" },
  { id: "go.trash", group: "Go to", description: "Trash", keys: "g t" },
  { id: "go.settings", group: "Go to", description: "Settings", keys: "g ," },
  { id: "gallery.next", group: "Gallery", description: "Next image", keys: "j" },
  { id: "gallery.prev", group: "Gallery", description: "Previous image", keys: "k" },
  { id: "gallery.right", group: "Gallery", description: "Image to the right", keys: "arrowright" },
  { id: "gallery.left", group: "Gallery", description: "Image to the left", keys: "arrowleft" },
  { id: "gallery.down", group: "Gallery", description: "Image below", keys: "arrowdown" },
  { id: "gallery.up", group: "Gallery", description: "Image above", keys: "arrowup" },
  { id: "gallery.open", group: "Gallery", description: "Open in the viewer", keys: "enter" },
  { id: "gallery.select", group: "Gallery", description: "Select or deselect", keys: "x" },
  { id: "gallery.favorite", group: "Gallery", description: "Favourite or unfavourite", keys: "f" },
  { id: "gallery.rate1", group: "Gallery", description: "Rate 1 star", keys: "1" },
  { id: "gallery.rate2", group: "Gallery", description: "Rate 2 stars", keys: "2" },
  { id: "gallery.rate3", group: "Gallery", description: "Rate 3 stars", keys: "3" },
  { id: "gallery.rate4", group: "Gallery", description: "Rate 4 stars", keys: "4" },
  { id: "gallery.rate5", group: "Gallery", description: "Rate 5 stars", keys: "5" },
  { id: "gallery.unrate", group: "Gallery", description: "Clear the rating", keys: "0" },
  { id: "gallery.delete", group: "Gallery", description: "Move to the trash (undo in the toast)", keys: "delete" },
  { id: "gallery.iterate", group: "Gallery", description: "Iterate on the image", keys: "i" },
] as const satisfies readonly ShortcutDef[];

export type ShortcutId = (typeof SHORTCUTS)[number]["id"];
export const SHORTCUT_IDS = SHORTCUTS.map((s) => s.id) as ShortcutId[];
export const shortcutDef = (id: ShortcutId): ShortcutDef => SHORTCUTS.find((s) => s.id === id)!;

/** User settings key holding the user's own bindings: `{ [id]: "keys" }` (absent = default). */
export const SHORTCUTS_SETTING_KEY = "shortcuts";
