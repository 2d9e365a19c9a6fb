import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpInContext } from "./auth-helpers";
import { axeViolations, baseURL, launch, newContext, visitorIp, watchErrors } from "./browser";

/**
 * Settings → API keys: create a key in the UI, then use it from outside the browser (as a script would); add a
 * webhook endpoint, send a test to a receiver on this machine and check its signature with the secret the UI
 * showed once; redeliver from the log; revoke the key. Phone and desktop, dark, axe clean.
 */

interface Hit {
  headers: http.IncomingHttpHeaders;
  body: string;
}

let browser: Browser;
let server: http.Server;
let receiverUrl: string;
const hits: Hit[] = [];

beforeAll(async () => {
  browser = await launch();
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      hits.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
  await browser?.close();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
});

/** A request as a script makes it: no cookies, the key in the header. */
function withKey(key: string, path: string, init: { method?: string; body?: unknown } = {}) {
  return fetch(`${baseURL()}${path}`, {
    method: init.method ?? (init.body ? "POST" : "GET"),
    headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json", "x-forwarded-for": visitorIp() },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
}

async function secretFromDialog(page: Page): Promise<string> {
  const dialog = page.getByRole("dialog");
  const value = dialog.getByTestId("secret-value");
  await value.waitFor();
  return ((await value.textContent()) ?? "").trim();
}

describe("settings: API keys and webhooks", () => {
  for (const width of [1280, 390]) {
    it(`create a key, use it, add a webhook, test it, revoke — ${width}px, dark`, async () => {
      const context = await newContext(browser, { width, height: 900, colorScheme: "dark" });
      await signUpInContext(context, "Dev Tester");
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto("/settings?tab=api-keys");
      const keys = page.getByRole("region", { name: "API keys" });
      await keys.getByText("No keys yet").waitFor();
      expect(await axeViolations(page)).toEqual([]);

      // Create: name, scopes, expiry; the key is shown once.
      await keys.getByRole("button", { name: "Create key" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByLabel("Name").fill("E2E script");
      await dialog.getByLabel(/^Manage:/).check();
      await dialog.getByLabel("Expires").selectOption("30");
      await dialog.getByRole("button", { name: "Create key" }).click();
      const key = await secretFromDialog(page);
      expect(key).toMatch(/^is_live_[A-Za-z0-9_-]{43}$/);
      expect(await axeViolations(page)).toEqual([]);
      await dialog.getByRole("button", { name: "Done" }).click();
      const row = keys.getByRole("listitem").filter({ hasText: "E2E script" });
      await row.waitFor();
      expect(await row.textContent()).toContain(key.slice(0, 14));
      expect(await row.textContent()).not.toContain(key);

      // The key works from outside the browser, with its scopes, and never on account routes.
      expect((await withKey(key, "/api/images")).status).toBe(200);
      expect(
        (await withKey(key, "/api/projects", { body: { id: crypto.randomUUID(), name: "Made by a script" } })).status,
      ).toBe(201);
      const gen = await withKey(key, "/api/generate/text-to-image", {
        body: { prompt: "a key-made lighthouse", modelId: "local/sketch" },
      });
      expect(gen.status).toBe(202);
      expect((await withKey(key, "/api/auth/me")).status).toBe(403);
      await page.reload();
      await keys
        .getByRole("listitem")
        .filter({ hasText: "E2E script" })
        .getByText(/Last used/)
        .waitFor();

      // Webhooks: add an endpoint (secret shown once), send a test, check the signature with that secret.
      const hooks = page.getByRole("region", { name: "Webhooks" });
      await hooks.getByRole("button", { name: "Add endpoint" }).click();
      await dialog.getByLabel("URL").fill(receiverUrl);
      await dialog.getByRole("button", { name: "Add endpoint" }).click();
      const secret = await secretFromDialog(page);
      expect(secret).toMatch(/^whsec_/);
      await dialog.getByRole("button", { name: "Done" }).click();
      const before = hits.length;
      await hooks.getByRole("button", { name: `Send a test to ${receiverUrl}` }).click();
      // Other deliveries (e.g. job.completed of the job generated above) may arrive meanwhile: find the test's.
      const isTest = (h: (typeof hits)[number]) => h.body.includes('"webhook.test"');
      await expect.poll(() => hits.slice(before).filter(isTest).length, { timeout: 15_000 }).toBe(1);
      const hit = hits.slice(before).find(isTest)!;
      const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(hit.headers["image-studio-signature"]))!;
      expect(v1).toBe(createHmac("sha256", secret).update(`${t}.${hit.body}`).digest("hex"));
      expect(JSON.parse(hit.body)).toMatchObject({ type: "webhook.test", id: hit.headers["image-studio-delivery"] });

      // The delivery log shows it; redeliver sends the same delivery id again.
      await hooks.getByText(/Recent deliveries/).click();
      const log = hooks.getByRole("table");
      // The job generated above may have a job.completed delivery of its own in the log: read the test's row.
      const testRow = log.getByRole("row").filter({ hasText: "webhook.test" });
      await testRow.getByText("succeeded").waitFor();
      expect(await testRow.textContent()).toContain("200");
      expect(await axeViolations(page)).toEqual([]);
      await log.getByRole("button", { name: /^Redeliver webhook\.test/ }).click();
      const sameId = (h: (typeof hits)[number]) => h.headers["image-studio-delivery"] === hit.headers["image-studio-delivery"];
      await expect.poll(() => hits.slice(before).filter(sameId).length, { timeout: 15_000 }).toBe(2);

      // Revoke: the key stops working at once.
      await keys.getByRole("button", { name: "Revoke key E2E script" }).click();
      await dialog.getByRole("button", { name: "Revoke key" }).click();
      await keys.getByText("No keys yet").waitFor();
      expect((await withKey(key, "/api/images")).status).toBe(401);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
