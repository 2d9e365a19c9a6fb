import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import { APP_PAGES_FILE } from "../src/lib/static";
import { cookieFrom, createTestApp, jsonRequest, randomIp, signUp, type TestApp } from "./harness";

const APP_HTML = `<!doctype html>
<html lang="en">
  <head><title>Image Studio</title></head>
  <body><div id="root"></div></body>
</html>`;

/** A build's app-pages.json: each variant's markup names its language and auth config, so the test can tell them apart. */
function pagesFile() {
  const markup: Record<string, Record<string, string>> = {};
  for (const lang of ["en", "de", "es"]) {
    markup[lang] = {};
    for (const key of ["000", "001", "010", "011", "100", "101", "110", "111"])
      markup[lang][key] = `<main>${lang}:${key}</main>`;
  }
  const frames: Record<string, Record<string, string>> = {};
  for (const lang of ["en", "de", "es"]) frames[lang] = { "0": `<div>frame ${lang}:0</div>`, "1": `<div>frame ${lang}:1</div>` };
  return {
    "/sign-in": {
      title: { en: "Sign in · Image Studio", de: "Anmelden · Image Studio", es: "Iniciar sesión · Image Studio" },
      markup,
    },
    "/gallery": {
      title: { en: "My images · Image Studio", de: "Meine Bilder · Image Studio", es: "Mis imágenes · Image Studio" },
      markup: frames,
      signedIn: true,
    },
  };
}

async function serve(env: Record<string, string>) {
  const t = await createTestApp(env);
  const dir = mkdtempSync(path.join(os.tmpdir(), "spa-prerender-"));
  writeFileSync(path.join(dir, "index.html"), "<h1>Landing</h1>");
  writeFileSync(path.join(dir, "app.html"), APP_HTML);
  writeFileSync(path.join(dir, APP_PAGES_FILE), JSON.stringify(pagesFile()));
  return { t, app: createApp(t.deps, { staticDir: dir }) };
}

describe("prerendered pages (signed out, and signed-in frames)", () => {
  let t: TestApp;
  let app: ReturnType<typeof createApp>;
  let key: string;
  beforeAll(async () => {
    ({ t, app } = await serve({}));
    const config = (await (await app.request("/api/auth/config")).json()) as {
      devMailbox: boolean;
      providers: { github: boolean; google: boolean };
    };
    key = `${+config.devMailbox}${+config.providers.github}${+config.providers.google}`;
  });
  afterAll(() => t.close());

  it("answers /sign-in with app.html holding the markup for the visitor's language and this server's auth config", async () => {
    for (const [accept, lang, title] of [
      ["de-CH,de;q=0.9,en;q=0.5", "de", "Anmelden · Image Studio"],
      ["es", "es", "Iniciar sesión · Image Studio"],
      ["fr-FR,fr;q=0.9", "en", "Sign in · Image Studio"],
      [undefined, "en", "Sign in · Image Studio"],
    ] as const) {
      const res = await app.request("/sign-in?redirect=%2Fgallery", {
        headers: accept ? { "accept-language": accept } : {},
      });
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain(`<html lang="${lang}" data-prerendered="check">`);
      expect(html).toContain(`<title>${title}</title>`);
      expect(html).toContain(`<div id="root"><div data-prerender inert><main>${lang}:${key}</main></div></div>`);
      expect(res.headers.get("vary")).toContain("Accept-Language");
      expect(res.headers.get("cache-control")).toBe("no-cache");
      expect(res.headers.get("content-security-policy")).toMatch(/script-src 'self'( 'sha256-[^']+')+(;|$)/);
    }
  });

  it("answers the plain shell where the app shows something else: an OAuth error, any other page", async () => {
    for (const p of ["/sign-in?error=banned", "/sign-up", "/dashboard"]) {
      const html = await (await app.request(p)).text();
      expect(html).toBe(APP_HTML);
    }
  });

  it("answers a signed-in page's frame only to a request with a valid session, in its language", async () => {
    const { cookie } = await signUp(t);
    const res = await app.request("/gallery", { headers: { cookie, "accept-language": "de-DE,de;q=0.9" } });
    const html = await res.text();
    expect(html).toContain('<html lang="de" data-prerendered="check-app">');
    expect(html).toContain("<title>Meine Bilder · Image Studio</title>");
    // The frame shows only the dev-mail banner of the auth config: the first of the signed-out pages' three bits.
    expect(html).toContain(`<div id="root"><div data-prerender inert><div>frame de:${key.slice(0, 1)}</div></div></div>`);
    expect(res.headers.get("vary")).toMatch(/^Accept-Language, Cookie\b/);
    expect(res.headers.get("cache-control")).toBe("no-cache");

    // No cookie, a session cookie that is not one, a signed-out one: the plain shell (which sends them to sign in).
    const forged = cookie.replace(/(session_token=)[^;]+/, "$1forged.value");
    expect(forged).not.toBe(cookie);
    for (const headers of [{}, { cookie: forged }, { cookie: "other=1" }] as Record<string, string>[]) {
      expect(await (await app.request("/gallery", { headers })).text()).toBe(APP_HTML);
    }
    const out = await app.request("/api/auth/logout", { method: "POST", headers: { cookie, origin: "http://localhost:3000" } });
    expect(out.status).toBe(200);
    expect(await (await app.request("/gallery", { headers: { cookie } })).text()).toBe(APP_HTML);
  });

  it("answers a guest the frame without the dev-mail banner (the app shows guests none)", async () => {
    expect(key.slice(0, 1)).toBe("1"); // the test server's dev mailbox is on: a signed-up user's frame has the banner
    const res = await jsonRequest(t, "/api/auth/sign-in/anonymous", { body: {}, ip: randomIp() });
    expect(res.status).toBe(200);
    const html = await (await app.request("/gallery", { headers: { cookie: cookieFrom(res) } })).text();
    expect(html).toContain("<div>frame en:0</div>");
  });

  it("answers the plain shell for a signed-in page asked for in another state than its default (a search, a view)", async () => {
    const { cookie } = await signUp(t);
    expect(await (await app.request("/gallery", { headers: { cookie } })).text()).toContain('data-prerendered="check-app"');
    for (const p of ["/gallery?view=list", "/gallery?q=cat"]) {
      expect(await (await app.request(p, { headers: { cookie } })).text()).toBe(APP_HTML);
    }
  });

  it("follows the server's auth config (sign-in providers)", async () => {
    const other = await serve({ GITHUB_CLIENT_ID: "id", GITHUB_CLIENT_SECRET: "secret" });
    try {
      const html = await (await other.app.request("/sign-in")).text();
      expect(html).toMatch(/<main>en:[01]10<\/main>/);
    } finally {
      await other.t.close();
    }
  });
});
