import { AppearanceSection } from "./appearance-section";
import { GallerySection, RegionSection } from "./gallery-region-sections";
import { ShortcutsSection } from "./shortcuts-section";

/** Settings → Preferences: appearance, gallery, language and region, keyboard shortcuts. */
export function PreferencesTab() {
  return (
    <div className="grid max-w-3xl gap-6">
      <AppearanceSection />
      <GallerySection />
      <RegionSection />
      <ShortcutsSection />
    </div>
  );
}
