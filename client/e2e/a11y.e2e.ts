import type { APIRequestContext, Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpInContext } from "./auth-helpers";
import { generateImage } from "./image-helpers";
import { animationsSettled, axeViolations, baseURL, launch, visitorIp, watchErrors } from "./browser";

/**
 * Every app page, in both themes, on a laptop and a phone: axe finds nothing serious or critical, and each page
 * has its own title (the image page its prompt) — what tabs, history and the installed app's task switcher show.
 */

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;
const PROMPT = "a11y: a violet lighthouse at dusk over a calm sea";

async function create(request: APIRequestContext, path: string, name: string): Promise<string> {
  const res = await request.post(path, { data: { name } });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return ((await res.json()) as { id: string }).id;
}

/** Each app route with the title it must have. */
function routes(ids: { image: string; project: string; collection: string }): [string, string][] {
  return [
    ["/dashboard", "Dashboard"],
    ["/studio", "Generate"],
    ["/image-to-image", "Image to image"],
    ["/gallery", "My images"],
    ["/favorites", "Favourites"],
    ["/trash", "Trash"],
    ["/duplicates", "Duplicates"],
    ["/compare", "Compare"],
    ["/projects", "Projects"],
    [`/projects/${ids.project}`, "A11y project"],
    ["/collections", "Collections"],
    [`/collections/${ids.collection}`, "A11y collection"],
    ["/prompts", "Prompts"],
    ["/queue", "Queue"],
    ["/settings", "Settings"],
    [`/images/${ids.image}`, PROMPT],
    [`/lineage/${ids.image}`, "Family tree"],
  ];
}

async function settle(page: Page) {
  await page.getByRole("heading", { level: 1 }).first().waitFor();
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), undefined, { timeout: 15_000 });
  await animationsSettled(page);
}

describe("accessibility and titles on every page", () => {
  let browser: Browser;
  let state: StorageState;
  let ids: { image: string; project: string; collection: string };

  beforeAll(async () => {
    browser = await launch();
    const setup = await browser.newContext({ baseURL: baseURL(), extraHTTPHeaders: { "x-forwarded-for": visitorIp() } });
    await signUpInContext(setup, "A11y Tester");
    ids = {
      image: await generateImage(setup.request, PROMPT, { numImages: 1 }),
      project: await create(setup.request, "/api/projects", "A11y project"),
      collection: await create(setup.request, "/api/collections", "A11y collection"),
    };
    state = await setup.storageState();
    await setup.close();
  }, 120_000);
  afterAll(() => browser?.close());

  for (const colorScheme of ["light", "dark"] as const) {
    for (const [width, height] of [
      [1280, 800],
      [390, 844],
    ] as const) {
      it(`has no serious or critical axe findings at ${width}px in ${colorScheme} mode, and a title per page`, async () => {
        const ctx = await browser.newContext({
          baseURL: baseURL(),
          storageState: state,
          viewport: { width, height },
          colorScheme,
          hasTouch: width < 768,
          extraHTTPHeaders: { "x-forwarded-for": visitorIp() },
        });
        ctx.setDefaultTimeout(15_000);
        const page = await ctx.newPage();
        const errors = watchErrors(page);
        const findings: string[] = [];
        const titles = new Set<string>();
        for (const [path, title] of routes(ids)) {
          await page.goto(path);
          await settle(page);
          await expect.poll(() => page.title(), { timeout: 10_000 }).toBe(`${title} · Image Studio`);
          titles.add(await page.title());
          // Content that arrives late (a list, then its empty state) fades in after the page settled: ask again
          // until the page is clean or stops changing; a real finding stays and fails.
          let found = await axeViolations(page);
          for (let i = 0; i < 3 && found.length; i++) {
            await animationsSettled(page);
            found = await axeViolations(page);
          }
          for (const v of found) findings.push(`${path}: ${v}`);
        }
        expect(findings).toEqual([]);
        expect(titles.size).toBe(routes(ids).length);
        expect(errors).toEqual([]);
        await ctx.close();
      }, 180_000);
    }
  }
});
