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

/** A share link to the collection (its public page is on the list too). */
async function shareOf(request: APIRequestContext, collectionId: string): Promise<string> {
  const res = await request.post(`/api/share/collection/${collectionId}`, { data: {} });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { token: string }).token;
}

const VIDEO_PROMPT = "a11y: the lighthouse beam sweeps slowly";

/** Animates the image on the local engine and answers the video's id once it is in the gallery. */
async function animate(request: APIRequestContext, imageId: string): Promise<string> {
  const res = await request.post(`/api/images/${imageId}/animate`, { data: { modelId: "local/animate", duration: 2, prompt: VIDEO_PROMPT } });
  expect(res.status(), await res.text()).toBe(202);
  for (let i = 0; i < 240; i++) {
    const id = ((await (await request.get("/api/images?mediaType=video&limit=1")).json()) as { items: { id: string }[] }).items[0]?.id;
    if (id) return id;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("the video was not made in time");
}

/** Each app route with the title it must have. */
function routes(ids: { image: string; video: string; project: string; collection: string; share: string; handle: string }): [string, string][] {
  return [
    ["/dashboard", "Dashboard"],
    ["/studio", "Generate"],
    ["/batch", "Batch"],
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
    ["/usage", "Usage & credits"],
    ["/usage/history", "Credit history"],
    ["/notifications", "Notifications"],
    ["/models", "Models"],
    ["/models/local/sketch", "Local sketch"],
    ["/shared", "Shared links"],
    ["/teams", "Teams"],
    [`/s/${ids.share}`, "A11y shared collection"],
    ["/settings", "Settings"],
    ["/search?q=lighthouse", "Search"],
    [`/images/${ids.image}`, PROMPT],
    [`/images/${ids.video}`, VIDEO_PROMPT],
    [`/lineage/${ids.image}`, "Family tree"],
    ["/community", "Community"],
    [`/u/${ids.handle}`, `@${ids.handle}`],
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
  let ids: { image: string; video: string; project: string; collection: string; share: string; handle: string; team: string };

  beforeAll(async () => {
    browser = await launch();
    const setup = await browser.newContext({ baseURL: baseURL(), extraHTTPHeaders: { "x-forwarded-for": visitorIp() } });
    await signUpInContext(setup, "A11y Tester");
    const image = await generateImage(setup.request, PROMPT, { numImages: 1 });
    ids = {
      image,
      video: await animate(setup.request, image),
      project: await create(setup.request, "/api/projects", "A11y project"),
      team: await create(setup.request, "/api/teams", "A11y team"),
      collection: await create(setup.request, "/api/collections", "A11y collection"),
      share: await shareOf(setup.request, await create(setup.request, "/api/collections", "A11y shared collection")),
      handle: `a11y-${Math.random().toString(36).slice(2, 8)}`,
    };
    // A public profile with one published image (the community page and /u/:handle are on the list).
    expect((await setup.request.put("/api/account/public-profile", { data: { handle: ids.handle } })).status()).toBe(200);
    expect((await setup.request.post(`/api/images/${ids.image}/publish`, { data: { published: true } })).status()).toBe(200);
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
      }, 240_000); // 19 pages × axe on a shared, loaded machine
    }
  }
});
