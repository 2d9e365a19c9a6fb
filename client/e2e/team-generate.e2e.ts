import type { ImageDetail, ImageList, TeamDetail, TeamInvitation } from "@image-studio/shared";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpInContext } from "./auth-helpers";
import { animationsSettled, axeViolations, launch, newContext, watchErrors } from "./browser";

/**
 * An editor generates into a project shared with their team: they pick it in the studio under "Shared with me"
 * (its defaults apply), generate on the local engine and watch it finish; the owner finds the image in the
 * project, with "Made by" naming the editor.
 */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 60_000, interval: 250 });
const SHOTS = process.env.TEAMS_SHOTS_DIR;

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

describe("an editor generates into a shared project", () => {
  let browser: Browser;
  let owner: BrowserContext;
  let editor: BrowserContext;
  let projectId = "";
  const project = `Dune kites ${Date.now() % 100000}`;

  beforeAll(async () => {
    browser = await launch();
    owner = await newContext(browser, { width: 1280, height: 900 });
    editor = await newContext(browser, { width: 1280, height: 900 });
    await signUpInContext(owner, "Olivia Owner");
    const editorEmail = (await signUpInContext(editor, "Eddie Editor")).email;
    const team = (await (await owner.request.post("/api/teams", { data: { name: "Dune crew" } })).json()) as TeamDetail;
    expect((await owner.request.post(`/api/teams/${team.id}/invitations`, { data: { email: editorEmail, role: "editor" } })).status()).toBe(201);
    const [inv] = ((await (await editor.request.get("/api/teams/invitations")).json()) as { items: TeamInvitation[] }).items;
    expect((await editor.request.post(`/api/teams/invitations/${inv!.id}/accept`, { data: {} })).status()).toBe(200);
    const settings = { promptPrefix: "dunes", defaultModelId: "local/sketch-fast" };
    projectId = ((await (await owner.request.post("/api/projects", { data: { name: project, settings } })).json()) as { id: string }).id;
    expect((await owner.request.put(`/api/teams/${team.id}/projects/${projectId}`, { data: {} })).status()).toBe(200);
  }, 120_000);
  afterAll(() => browser?.close());

  it("the editor picks the shared project in the studio and generates into it", async () => {
    const page = await editor.newPage();
    page.setDefaultTimeout(20_000);
    const errors = watchErrors(page);
    await page.goto("/studio");
    const controls = page.getByRole("complementary", { name: "Generation controls" });
    await controls.waitFor();
    const picker = controls.getByRole("combobox", { name: "Project" });
    await poll(() => picker.locator("optgroup[label='Shared with me'] option").allTextContents()).toContain(`${project} (Olivia Owner)`);
    await picker.selectOption({ label: `${project} (Olivia Owner)` });
    // The project's defaults apply as for one's own: its model and the prompt prefix note.
    await poll(() => controls.getByTestId("project-prefix").textContent()).toContain("dunes");
    await poll(() => controls.getByRole("combobox", { name: "Model" }).textContent()).toContain("Local sketch");
    await controls.getByLabel("Prompt").fill("a red kite over the sand");
    await animationsSettled(page);
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, "team-generate-studio-1280-light");
    await controls.getByRole("button", { name: /^Generate/ }).click();
    const card = page.getByRole("article").first();
    await card.getByRole("img", { name: /dunes, a red kite over the sand/ }).first().waitFor({ timeout: 60_000 });
    expect(errors).toEqual([]);
  }, 120_000);

  it("the owner sees the image in the project, made by the editor", async () => {
    let imageId = "";
    await poll(async () => {
      const list = (await (await owner.request.get(`/api/images?projectId=${projectId}`)).json()) as ImageList;
      imageId = list.items[0]?.id ?? "";
      return imageId;
    }).not.toBe("");
    const detail = (await (await owner.request.get(`/api/images/${imageId}`)).json()) as ImageDetail;
    expect(detail.prompt).toBe("dunes, a red kite over the sand");
    const page = await owner.newPage();
    page.setDefaultTimeout(20_000);
    const errors = watchErrors(page);
    await page.goto(`/projects/${projectId}`);
    await page.getByRole("img", { name: /dunes, a red kite over the sand/ }).first().waitFor();
    await page.goto(`/images/${imageId}`);
    await page.getByText("Made by").waitFor();
    await page.getByText("Eddie Editor", { exact: true }).waitFor();
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await animationsSettled(page);
      expect(await axeViolations(page)).toEqual([]);
      await shot(page, `team-generate-image-1280-${scheme}`);
    }
    expect(errors).toEqual([]);

    // The editor iterates on it (charged to them) but the in-place editor stays the owner's.
    const mine = await editor.newPage();
    await mine.goto(`/images/${imageId}`);
    await mine.getByText("Eddie Editor", { exact: true }).waitFor();
    await mine.getByRole("button", { name: "Variation", exact: true }).waitFor();
    await poll(() => mine.getByRole("button", { name: "Edit", exact: true }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Edit", exact: true }).count()).toBe(1);
  }, 120_000);
});
