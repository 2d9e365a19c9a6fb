export { SHORTCUTS, SHORTCUT_IDS, SHORTCUTS_SETTING_KEY, shortcutDef, type ShortcutDef, type ShortcutGroup, type ShortcutId } from "./definitions";
export { bindingFromEvent, bindingLabel, isTypingTarget, isValidBinding, parseBinding } from "./keys";
export { SEQUENCE_MS, ShortcutRegistry, shortcuts, type ShortcutHandler } from "./registry";
export { useBinding, useBindingsVersion, useShortcut } from "./use-shortcut";
export { useGalleryShortcuts, type GalleryShortcutActions } from "./use-gallery-shortcuts";
