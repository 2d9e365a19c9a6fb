import { Menu, Moon, Sun, X } from "lucide-react";
import { NAV_LINKS, ROUTES, SITE } from "../content";
import { Logo } from "./logo";
import { buttonStyles, wrap } from "./ui";

/**
 * Light/dark switch. Invisible (its space kept, so nothing shifts) until enhance.ts wires it; without
 * JavaScript the page follows the OS theme.
 */
function ThemeToggle() {
  return (
    <button
      type="button"
      data-theme-toggle=""
      aria-label="Switch to dark theme"
      className="invisible inline-flex size-10 items-center justify-center rounded-lg text-foreground transition-colors duration-200 hover:bg-muted"
    >
      <Moon className="size-5 dark:hidden" aria-hidden="true" />
      <Sun className="hidden size-5 dark:block" aria-hidden="true" />
    </button>
  );
}

/**
 * Mobile menu: a <details> disclosure, so it opens without JavaScript; enhance.ts adds Escape, outside click
 * and closing after a link is followed.
 */
function MobileMenu() {
  return (
    <details data-mobile-menu="" className="group md:hidden">
      <summary className="flex size-10 cursor-pointer list-none items-center justify-center rounded-lg text-foreground transition-colors duration-200 hover:bg-muted [&::-webkit-details-marker]:hidden">
        <Menu className="size-5 group-open:hidden" aria-hidden="true" />
        <X className="hidden size-5 group-open:block" aria-hidden="true" />
        <span className="sr-only">Menu</span>
      </summary>
      <div className="absolute inset-x-0 top-full border-b border-border bg-background shadow-lg motion-safe:animate-fade-in">
        <nav aria-label="Main" className={`${wrap} flex flex-col gap-1 py-4`}>
          {NAV_LINKS.map((l) => (
            <a key={l.href} href={l.href} className="nav-link text-base">
              {l.label}
            </a>
          ))}
          <div className="mt-3 grid grid-cols-2 gap-3 border-t border-border pt-4">
            <a href={ROUTES.signIn} className={`${buttonStyles.outline} ${buttonStyles.md}`}>
              Sign in
            </a>
            <a href={ROUTES.signUp} className={`${buttonStyles.primary} ${buttonStyles.md}`}>
              Sign up
            </a>
          </div>
        </nav>
      </div>
    </details>
  );
}

export function Header() {
  return (
    <header className="sticky top-0 z-40 border-b border-border/70 bg-background">
      <div className={`${wrap} relative flex h-16 items-center gap-4`}>
        <a href="/" className="flex items-center gap-2 rounded-md text-lg font-bold tracking-tight text-foreground">
          <Logo id="logo-header" className="size-8" />
          {SITE.name}
        </a>
        <nav aria-label="Main" className="ml-6 hidden items-center gap-1 md:flex">
          {NAV_LINKS.map((l) => (
            <a key={l.href} href={l.href} className="nav-link text-sm">
              {l.label}
            </a>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-2">
          <ThemeToggle />
          <a href={ROUTES.signIn} className={`${buttonStyles.ghost} ${buttonStyles.md} max-md:hidden`}>
            Sign in
          </a>
          <a href={ROUTES.signUp} className={`${buttonStyles.primary} ${buttonStyles.md} max-sm:hidden`}>
            Sign up
          </a>
          <MobileMenu />
        </div>
      </div>
    </header>
  );
}
