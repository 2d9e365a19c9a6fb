/**
 * The build-time half of the prerendered signed-out pages (docs/decisions/performance.md, "shellpre"): loaded by
 * client/landing/build/prerender.ts through Vite's module runner, never bundled for the browser. Renders a page's
 * first screen to static HTML with the real components, in each offered language and for each auth config the
 * server can have (dev-mailbox banner, sign-in providers), so the server can send the markup its visitors will see
 * before any script has run. The app then renders over it (main.tsx); it is never hydrated.
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
import { SignInPage } from "@/features/auth/components/sign-in-page";
import { i18n } from "@/i18n";
import { pageTitle, titleText } from "@/app/page-title";
import { authConfigQuery, sessionQuery } from "@/lib/session";
import { configKey, type PrerenderConfig, type PrerenderedPage } from "./types";

/**
 * The catalogs, loaded with this module: the module runner that loads it is closed before it runs, so the app's
 * lazy catalog chunks (i18n/index.ts) cannot load here.
 */
const CATALOGS = import.meta.glob<{ default: Record<string, unknown> }>(
  "../../i18n/locales/*/{common,shell,auth}.json",
  {
    eager: true,
  },
);

const CONFIGS: PrerenderConfig[] = [false, true].flatMap((devMailbox) =>
  [false, true].flatMap((github) => [false, true].map((google) => ({ devMailbox, github, google }))),
);

/** The pages that are prerendered: signed-out, with no data but the auth config. */
const PAGES = {
  "/sign-in": { title: "signIn", namespaces: ["auth"], Page: () => <SignInPage /> },
} as const;

async function renderOne(path: string, Page: () => React.ReactNode, config: PrerenderConfig): Promise<string> {
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
  );
}

/** Every prerendered page in every offered language and auth config. */
export async function prerenderPages(): Promise<Record<string, PrerenderedPage>> {
  const out: Record<string, PrerenderedPage> = {};
  for (const [path, { title, namespaces, Page }] of Object.entries(PAGES)) {
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
      for (const config of CONFIGS) markup[lng][configKey(config)] = await renderOne(path, Page, config);
      titles[lng] = pageTitle(titleText(title));
    }
    out[path] = { title: titles, markup };
  }
  await i18n.changeLanguage("en");
  return out;
}
