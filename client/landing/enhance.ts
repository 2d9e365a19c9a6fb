/**
 * Progressive enhancement for the prerendered landing page. Everything works without it: the menu and the FAQ
 * are <details>, the carousel is a scroll-snapping list and the theme follows the OS. This adds the theme switch,
 * menu dismissal, carousel buttons and FAQ keyboard/deep-link support. No dependencies — keep it tiny.
 */
const root = document.documentElement;
const $$ = <T extends Element>(sel: string, scope: ParentNode = document) => Array.from(scope.querySelectorAll<T>(sel));
const reducedMotion = () => matchMedia("(prefers-reduced-motion: reduce)").matches;

function readTheme(): string {
  try {
    return localStorage.getItem("theme") ?? "auto";
  } catch {
    return "auto";
  }
}

function setupThemeToggle() {
  const buttons = $$<HTMLButtonElement>("[data-theme-toggle]");
  const system = matchMedia("(prefers-color-scheme: dark)");
  const label = (dark: boolean) => {
    for (const b of buttons) b.setAttribute("aria-label", dark ? "Switch to light theme" : "Switch to dark theme");
  };
  const apply = (dark: boolean) => {
    root.classList.toggle("dark", dark);
    root.style.colorScheme = dark ? "dark" : "light";
    for (const m of $$('meta[name="theme-color"]')) m.setAttribute("content", dark ? "#0F172A" : "#FFFFFF");
    label(dark);
  };
  for (const b of buttons) {
    b.classList.remove("invisible");
    b.addEventListener("click", () => {
      const dark = !root.classList.contains("dark");
      try {
        localStorage.setItem("theme", dark ? "dark" : "light");
      } catch {
        /* private mode: the switch still works for this page */
      }
      apply(dark);
    });
  }
  system.addEventListener("change", () => readTheme() === "auto" && apply(system.matches));
  label(root.classList.contains("dark")); // the inline theme script already applied the theme: touch no styles here
}

function setupMobileMenu() {
  const menu = document.querySelector<HTMLDetailsElement>("[data-mobile-menu]");
  const summary = menu?.querySelector("summary");
  if (!menu || !summary) return;
  const close = (refocus: boolean) => {
    if (!menu.open) return;
    menu.open = false;
    if (refocus) summary.focus();
  };
  menu.addEventListener("click", (e) => (e.target as Element).closest("a") && close(false));
  document.addEventListener("keydown", (e) => e.key === "Escape" && close(menu.contains(document.activeElement)));
  document.addEventListener("click", (e) => !menu.contains(e.target as Node) && close(false));
  matchMedia("(min-width: 768px)").addEventListener("change", (e) => e.matches && close(false));
}

function setupCarousel(carousel: HTMLElement) {
  const track = carousel.querySelector<HTMLElement>("[data-carousel-track]");
  const prev = carousel.querySelector<HTMLButtonElement>("[data-carousel-prev]");
  const next = carousel.querySelector<HTMLButtonElement>("[data-carousel-next]");
  if (!track || !prev || !next) return;
  const page = () => {
    const slide = track.querySelector<HTMLElement>("[data-slide]");
    if (!slide) return track.clientWidth;
    const size = slide.offsetWidth + (parseFloat(getComputedStyle(track).columnGap) || 0);
    return Math.max(1, Math.floor(track.clientWidth / size)) * size;
  };
  const update = () => {
    // aria-disabled rather than disabled: a focused button keeps focus when it reaches the end.
    prev.setAttribute("aria-disabled", String(track.scrollLeft <= 1));
    next.setAttribute("aria-disabled", String(track.scrollLeft + track.clientWidth >= track.scrollWidth - 1));
  };
  const go = (dir: number, button: HTMLButtonElement) => {
    if (button.getAttribute("aria-disabled") === "true") return;
    track.scrollBy({ left: dir * page(), behavior: reducedMotion() ? "auto" : "smooth" });
  };
  prev.addEventListener("click", () => go(-1, prev));
  next.addEventListener("click", () => go(1, next));
  track.addEventListener("scroll", update, { passive: true });
  addEventListener("resize", update);
  // Start at the first slide without measuring (no forced layout while the page loads): the list always
  // holds more models than fit, and the first scroll or resize measures for real.
  prev.setAttribute("aria-disabled", "true");
  next.setAttribute("aria-disabled", "false");
  prev.hidden = next.hidden = false;
}

function setupFaq() {
  const faq = document.querySelector<HTMLElement>("[data-faq]");
  if (!faq) return;
  const items = $$<HTMLDetailsElement>("details", faq);
  const summaries = items.map((d) => d.querySelector("summary")!);
  const openFromHash = () => {
    const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    const item = items.find((d) => d === target);
    if (item) item.open = true;
  };
  // Arrow keys, Home and End move between questions (the WAI-ARIA accordion pattern).
  faq.addEventListener("keydown", (e) => {
    const i = summaries.indexOf(document.activeElement as HTMLElement);
    if (i < 0) return;
    const n = summaries.length;
    const to = { ArrowDown: (i + 1) % n, ArrowUp: (i - 1 + n) % n, Home: 0, End: n - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    summaries[to]?.focus();
  });
  addEventListener("hashchange", openFromHash);
  openFromHash();
}

function afterLoad(run: () => void) {
  if (document.readyState === "complete") run();
  else addEventListener("load", run, { once: true });
}

function startMotion() {
  // On the hero section, not <html>: only the hero's styles are recalculated.
  const hero = document.querySelector("[data-hero]");
  afterLoad(() => requestAnimationFrame(() => hero?.classList.add("motion")));
}

/** Runs after the first contentful paint (on a busy phone `load` can come before it), or at `load` without paint timing. */
function afterFirstPaint(run: () => void) {
  afterLoad(() => {
    if (!PerformanceObserver.supportedEntryTypes?.includes("paint")) return run();
    const observer = new PerformanceObserver((list) => {
      if (!list.getEntriesByName("first-contentful-paint").length) return;
      observer.disconnect();
      run();
    });
    observer.observe({ type: "paint", buffered: true });
  });
}

/**
 * The later sections' font cut (build/font.ts) is not on a phone's first screen, so left alone it loads when such
 * a section is first laid out; fetch it once the first screen has painted, so scrolling finds it there. The face
 * itself is loaded: `document.fonts.load(font, text)` would also fetch the app's full Inter faces, whose ranges
 * overlap the cuts'.
 */
function loadPageFont() {
  afterFirstPaint(() => {
    document.fonts?.forEach((face) => {
      const family = face.family.replace(/"/g, "");
      if (family === "Inter Landing Page" && face.status === "unloaded") face.load().catch(() => {});
    });
  });
}

setupThemeToggle();
startMotion();
loadPageFont();
setupMobileMenu();
// The carousel is in a later section, skipped while off screen (content-visibility: auto): changing its buttons before
// the first paint had Chrome fetch the later sections' font cut with the first render's files (7 of 12 loads at
// Lighthouse's CPU slowdown; none once it waits), taking bandwidth from the first screen.
afterFirstPaint(() => $$<HTMLElement>("[data-carousel]").forEach(setupCarousel));
setupFaq();
