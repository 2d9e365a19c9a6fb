import { lazy, type ReactNode, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { Sheet, SheetContent, SheetDescription, SheetHeader, SheetTitle } from "@/components/ui/sheet";
import { TooltipProvider } from "@/components/ui/tooltip";
import { ImageDndProvider } from "@/components/image-dnd/image-dnd-provider";
import { PowerLayer } from "@/features/palette/power-layer";
import { SettingsSync } from "@/features/settings/components/settings-sync";
import { useMediaQuery } from "@/lib/use-media-query";
import { APP_NAME } from "../page-title";
import { Sidebar, SidebarNav } from "./sidebar";
import { COLLAPSED_KEY, startsCollapsed } from "./sidebar-state";
import { TopBar } from "./top-bar";

// Shown only inside the open command palette, which itself loads on first use (see PowerLayer).
const PaletteResults = lazy(() =>
  import("@/features/search/components/palette-results").then((m) => ({ default: m.PaletteResults })),
);
const paletteResults = (text: string, done: () => void) => (
  <Suspense fallback={null}>
    <PaletteResults text={text} onDone={done} />
  </Suspense>
);

/** The signed-in layout. `collapsed` fixes the sidebar's first state (the build's prerendered frame has no device). */
export function AppShell({ children, collapsed: initial }: { children: ReactNode; collapsed?: boolean }) {
  const { t } = useTranslation("shell");
  const [collapsed, setCollapsed] = useState(() => initial ?? startsCollapsed());
  const [menuOpen, setMenuOpen] = useState(false);
  // Below `md` the sidebar is hidden (the menu sheet stands in for it): it is not rendered there at all, which spares
  // a phone's first render its links, drop targets and tooltips. The prerender assumes a wide screen.
  const wide = useMediaQuery("(min-width: 768px)", true);
  const toggle = () =>
    setCollapsed((c) => {
      localStorage.setItem(COLLAPSED_KEY, c ? "0" : "1");
      return !c;
    });
  return (
    <TooltipProvider delayDuration={300}>
      <ImageDndProvider>
        <a
          href="#main"
          className="sr-only z-50 rounded-lg bg-primary-solid px-3 py-2 text-primary-foreground focus:not-sr-only focus:fixed focus:left-2 focus:top-2"
        >
          {t("shell.skip")}
        </a>
        {/* The document never scrolls: the top bar and sidebar stay put and only <main> (and panels in it) scroll.
            `relative` keeps absolutely placed helpers (radix's hidden native <select>s) inside the scroller. */}
        <div className="flex h-dvh flex-col overflow-hidden bg-background text-foreground">
          <TopBar onOpenMenu={() => setMenuOpen(true)} />
          <div className="flex min-h-0 flex-1">
            {wide && <Sidebar collapsed={collapsed} onToggle={toggle} />}
            <main
              id="main"
              tabIndex={-1}
              data-scroll-root=""
              data-scroll-restoration-id="main"
              className="relative min-w-0 flex-1 overflow-y-auto overscroll-contain has-[[data-fill-viewport]]:overflow-hidden px-4 py-6 outline-none md:px-8"
            >
              {children}
            </main>
          </div>
          <Sheet open={menuOpen} onOpenChange={setMenuOpen}>
            <SheetContent side="left" className="w-72 p-0">
              <SheetHeader className="border-b border-border p-4">
                <SheetTitle>{APP_NAME}</SheetTitle>
                <SheetDescription className="sr-only">{t("shell.mainNavigation")}</SheetDescription>
              </SheetHeader>
              <SidebarNav onNavigate={() => setMenuOpen(false)} />
            </SheetContent>
          </Sheet>
          <PowerLayer results={paletteResults} />
          <SettingsSync />
        </div>
      </ImageDndProvider>
    </TooltipProvider>
  );
}
