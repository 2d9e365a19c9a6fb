/**
 * The build-time half of the prerendered pages (docs/decisions/performance.md, "shellpre" and session 16): loaded
 * by client/landing/build/app-pages.ts through Vite's module runner, never bundled for the browser. Renders a page's
 * first screen to static HTML with the real components, in each offered language and for each auth config the
 * server can have (dev-mailbox banner, sign-in providers), so the server can send the markup its visitors will see
 * before any script has run. The app then renders over it (main.tsx); it is never hydrated.
 *
 * Two kinds: signed-out pages (/sign-in), and the signed-in frame of a page (/gallery) — the layout (top bar,
 * sidebar) and the page's first screen before its data, in both sidebar states — which the server sends only to a
 * request with a valid session.
 */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  Outlet,
  RouterProvider,
} from "@tanstack/react-router";
import { UI_LANGUAGE_IDS } from "@image-studio/shared/languages";
import type { AuthConfig } from "@image-studio/shared";
import { renderToString } from "react-dom/server";
import { SignedInLayout } from "@/app/shell/signed-in-layout";
import { SignInPage } from "@/features/auth/components/sign-in-page";
import { GalleryFrame } from "@/features/gallery/components/gallery-frame";
import { i18n, initI18n } from "@/i18n";
import { pageTitle, titleText, type TitleKey } from "@/app/page-title";
import { authConfigQuery, sessionQuery } from "@/lib/session";
import { configKey, type PrerenderConfig, type PrerenderedPage } from "./types";

/**
 * The catalogs, loaded with this module: the module runner that loads it is closed before it runs, so the app's
 * lazy catalog chunks (i18n/index.ts) cannot load here.
 */
const CATALOGS = import.meta.glob<{ default: Record<string, unknown> }>(
  "../../i18n/locales/*/{common,shell,auth,gallery,notifications,palette,search,settings,shortcuts}.json",
  {
    eager: true,
  },
);

const CONFIGS: PrerenderConfig[] = [false, true].flatMap((devMailbox) =>
  [false, true].flatMap((github) => [false, true].map((google) => ({ devMailbox, github, google }))),
);

interface PageSpec {
  title: TitleKey;
  /** The catalogs the page needs besides common and shell. */
  namespaces: string[];
  Page: () => React.ReactNode;
  /** A signed-in page's frame: rendered in the signed-in layout, once per sidebar state. */
  signedIn?: true;
}

/**
 * The pages that are prerendered, with no data but the auth config: signed-out pages, and signed-in frames (the
 * `_app` route's catalogs: the top bar and sidebar use them).
 */
const PAGES: Record<string, PageSpec> = {
  "/sign-in": { title: "signIn", namespaces: ["auth"], Page: () => <SignInPage /> },
  "/gallery": {
    title: "gallery",
    namespaces: ["gallery", "notifications", "palette", "search", "settings", "shortcuts"],
    Page: () => <GalleryFrame />,
    signedIn: true,
  },
};

/** A signed-in frame: both sidebar states (app.html's inline script shows the one this device will render). */
async function renderFrame(path: string, Page: () => React.ReactNode, config: PrerenderConfig): Promise<string> {
  const variants = await Promise.all(
    (["full", "rail"] as const).map(async (sidebar) => {
      const Framed = () => (
        <SignedInLayout collapsed={sidebar === "rail"}>
          <Page />
        </SignedInLayout>
      );
      // Ids of their own (useId): the hidden copy's would otherwise win `url(#…)` lookups, e.g. the logo's gradient.
      return `<div data-frame="${sidebar}">${await renderOne(path, Framed, config, `${sidebar}-`)}</div>`;
    }),
  );
  return variants.join("");
}

async function renderOne(path: string, Page: () => React.ReactNode, config: PrerenderConfig, idPrefix?: string): Promise<string> {
  const queryClient = new QueryClient();
  const authConfig: AuthConfig = {
    devMailbox: config.devMailbox,
    providers: { github: config.github, google: config.google },
    signupCredits: 0,
    passwordMinLength: 0,
  };
  queryClient.setQueryData(authConfigQuery.queryKey, authConfig);
  queryClient.setQueryData(sessionQuery.queryKey, null);
  const root = createRootRoute({ component: Outlet });
  const page = createRoute({ getParentRoute: () => root, path, component: Page });
  const router = createRouter({
    routeTree: root.addChildren([page]),
    history: createMemoryHistory({ initialEntries: [path] }),
  });
  await router.load();
  return renderToString(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
    { identifierPrefix: idPrefix },
  );
}

/** Every prerendered page in every offered language and auth config. */
export async function prerenderPages(): Promise<Record<string, PrerenderedPage>> {
  initI18n();
  const out: Record<string, PrerenderedPage> = {};
  for (const [path, { title, namespaces, Page, signedIn }] of Object.entries(PAGES)) {
    const markup: PrerenderedPage["markup"] = {};
    const titles: PrerenderedPage["title"] = {};
    for (const lng of UI_LANGUAGE_IDS) {
      for (const ns of ["common", "shell", ...namespaces]) {
        const catalog = CATALOGS[`../../i18n/locales/${lng}/${ns}.json`];
        if (!catalog) throw new Error(`prerender: no ${lng} catalog for ${ns}`);
        i18n.addResourceBundle(lng, ns, catalog.default, true, true);
      }
      await i18n.changeLanguage(lng);
      markup[lng] = {};
      for (const config of CONFIGS) {
        const key = configKey(config, signedIn);
        if (markup[lng][key] !== undefined) continue; // a frame's variants differ by the dev mailbox only
        markup[lng][key] = signedIn ? await renderFrame(path, Page, config) : await renderOne(path, Page, config);
      }
      titles[lng] = pageTitle(titleText(title));
    }
    out[path] = signedIn ? { title: titles, markup, signedIn } : { title: titles, markup };
  }
  await i18n.changeLanguage("en");
  return out;
}
