import type { Notification } from "@image-studio/shared";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpInContext } from "./auth-helpers";
import { animationsSettled, axeViolations, launch, newContext, watchErrors } from "./browser";
import { generateImage } from "./image-helpers";

/**
 * A team from invitation to conversation: the owner creates a team and invites by e-mail; the member opens the
 * notification, accepts, finds the project the owner shared with the team, and comments on its image with an
 * @mention picked from the autocomplete; the owner is notified of the mention.
 */
const PROMPT = "teams e2e: a violet kite over a windy beach";
const SHOTS = process.env.TEAMS_SHOTS_DIR;

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

describe("team workspaces: invite → accept → shared project → comment with a mention", () => {
  let browser: Browser;
  let owner: BrowserContext;
  let member: BrowserContext;
  let ownerPage: Page;
  let memberPage: Page;
  let memberEmail = "";
  let imageId = "";
  let projectId = "";
  const teamName = `Kite crew ${Date.now() % 100000}`;

  beforeAll(async () => {
    browser = await launch();
    owner = await newContext(browser);
    member = await newContext(browser, { width: 390, height: 844, hasTouch: true });
    await signUpInContext(owner, "Olivia Owner");
    memberEmail = (await signUpInContext(member, "Mia Member")).email;
    imageId = await generateImage(owner.request, PROMPT);
    const p = await owner.request.post("/api/projects", { data: { name: "Beach kites" } });
    projectId = ((await p.json()) as { id: string }).id;
    expect((await owner.request.post(`/api/projects/${projectId}/images/add`, { data: { imageIds: [imageId] } })).status()).toBe(200);
    ownerPage = await owner.newPage();
    memberPage = await member.newPage();
    ownerPage.setDefaultTimeout(15_000);
    memberPage.setDefaultTimeout(15_000);
  }, 120_000);
  afterAll(() => browser?.close());

  it("the owner creates a team and invites the member by e-mail", async () => {
    const errors = watchErrors(ownerPage);
    await ownerPage.goto("/teams");
    await ownerPage.getByRole("heading", { name: "Teams", level: 1 }).waitFor();
    await ownerPage.getByLabel("New team name").fill(teamName);
    await ownerPage.getByRole("button", { name: "Create team" }).click();
    const card = ownerPage.getByRole("article", { name: teamName });
    await card.getByRole("list", { name: `Members of ${teamName}` }).getByText("Olivia Owner").waitFor();
    await card.getByLabel(`Invite to ${teamName}`).fill(memberEmail);
    await card.getByRole("button", { name: "Invite" }).click();
    await card.getByText(memberEmail).waitFor(); // pending invitation
    await animationsSettled(ownerPage);
    expect(await axeViolations(ownerPage)).toEqual([]);
    await shot(ownerPage, "teams-owner-1280-light");
    expect(errors).toEqual([]);
  });

  it("the member opens the invitation from the notifications and accepts it", async () => {
    const errors = watchErrors(memberPage);
    await memberPage.goto("/notifications");
    await memberPage.getByText(/invited you to the team/).first().click();
    await memberPage.waitForURL(/\/teams\?invite=/);
    await memberPage.getByRole("button", { name: `Accept the invitation to ${teamName}` }).click();
    await memberPage.getByRole("article", { name: teamName }).getByText("Olivia Owner").waitFor();
    expect(await memberPage.getByRole("button", { name: `Accept the invitation to ${teamName}` }).count()).toBe(0);
    // The member's view on a phone in dark mode: no admin controls, and axe clean.
    await memberPage.emulateMedia({ colorScheme: "dark" });
    expect(await memberPage.getByRole("button", { name: "Invite" }).count()).toBe(0);
    await animationsSettled(memberPage);
    expect(await axeViolations(memberPage)).toEqual([]);
    await shot(memberPage, "teams-member-390-dark");
    await memberPage.emulateMedia({ colorScheme: "light" });
    expect(errors).toEqual([]);
  });

  it("the owner shares the project with the team from the project page", async () => {
    await ownerPage.goto(`/projects/${projectId}`);
    await ownerPage.getByRole("button", { name: /Share with team/ }).click();
    const dialog = ownerPage.getByRole("dialog");
    await dialog.getByRole("switch", { name: `Share with ${teamName}` }).click();
    await expect.poll(() => dialog.getByRole("switch", { name: `Share with ${teamName}` }).getAttribute("aria-checked"), { timeout: 15_000 }).toBe("true");
    await animationsSettled(ownerPage);
    expect(await axeViolations(ownerPage)).toEqual([]);
    await ownerPage.keyboard.press("Escape");
    await ownerPage.getByRole("group", { name: /people see this project/ }).waitFor();
  });

  it("the member sees the project and comments on its image with an @mention from the autocomplete", async () => {
    const errors = watchErrors(memberPage);
    await memberPage.goto("/teams");
    await memberPage.getByRole("link", { name: /Beach kites/ }).click();
    await memberPage.waitForURL(new RegExp(`/projects/${projectId}`));
    await memberPage.getByText(/Shared by Olivia Owner · you're viewer/).waitFor();
    // A viewer's project page: what the role allows, no owner-only controls (and no request bound to fail).
    await memberPage.getByText(/You can view, download and export its images/).waitFor();
    const toolbar = memberPage.getByRole("toolbar", { name: "Project actions" });
    expect(await toolbar.getByRole("button", { name: "Export" }).isVisible()).toBe(true);
    for (const name of ["Duplicate", "Archive", "Save as template", "Delete"]) {
      expect(await toolbar.getByRole("button", { name, exact: true }).count(), name).toBe(0);
    }
    expect(await toolbar.getByRole("link", { name: "Generate here" }).count()).toBe(0);
    expect(await memberPage.getByRole("textbox", { name: "Project name" }).count()).toBe(0);
    await animationsSettled(memberPage);
    expect(await axeViolations(memberPage)).toEqual([]);
    await shot(memberPage, "teams-member-project-390-light");
    await memberPage.goto(`/images/${imageId}`);
    const box = memberPage.getByRole("textbox", { name: "Add a comment" });
    await box.waitFor().catch(async (e: unknown) => {
      await memberPage.screenshot({ path: "/tmp/teams-member-image-failed.png", fullPage: true });
      throw new Error(`${String(e)}\n${errors.join("\n")}`);
    });
    await box.click();
    await box.pressSequentially("Love the colours @Oli");
    await memberPage.getByRole("listbox", { name: "People to mention" }).getByRole("option", { name: /Olivia Owner/ }).waitFor();
    await animationsSettled(memberPage);
    expect(await axeViolations(memberPage)).toEqual([]);
    await shot(memberPage, "teams-mention-390-light");
    await box.press("Enter");
    expect(await box.inputValue()).toBe("Love the colours @Olivia Owner ");
    await box.pressSequentially("what do you think?");
    await memberPage.getByRole("button", { name: "Comment", exact: true }).click();
    await memberPage.getByText("what do you think?").waitFor();
    expect(errors).toEqual([]);
  });

  it("the owner is notified of the mention", async () => {
    await expect
      .poll(async () => ((await (await owner.request.get("/api/notifications")).json()) as { items: Notification[] }).items.map((n) => n.kind), { timeout: 15_000 })
      .toContain("comment.mention");
    await ownerPage.goto("/notifications");
    await ownerPage.getByText("Mia Member mentioned you in a comment").first().waitFor();
  });
});
