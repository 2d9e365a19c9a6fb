import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, jsonRequest, randomIp, type SignedUpUser, signUp, type TestApp } from "../harness";
import { expectError } from "../auth/helpers";

/**
 * The API answers in the language the client asks for (Accept-Language), else the account's, else English:
 * AppError messages, the issue messages in `details.issues`, and Better Auth's refusals as we word them.
 */
describe("API messages in the reader's language", () => {
  let t: TestApp;
  let u: SignedUpUser;
  beforeAll(async () => {
    t = await createTestApp();
    u = await signUp(t);
  });
  afterAll(() => t.close());

  const call = (path: string, language?: string, init: { method?: string; body?: unknown } = {}) =>
    jsonRequest(t, path, { ...init, cookie: u.cookie, ip: u.ip, headers: language ? { "Accept-Language": language } : {} });

  it("a 404 names the missing thing in German, Spanish, or English without a header", async () => {
    const path = `/api/projects/${randomUUID()}`;
    expect((await expectError(await call(path, "de-DE,de;q=0.9,en;q=0.5"), 404, "NOT_FOUND")).message).toBe("Projekt nicht gefunden");
    expect((await expectError(await call(path, "es"), 404, "NOT_FOUND")).message).toBe("Proyecto no encontrado");
    expect((await expectError(await call(path), 404, "NOT_FOUND")).message).toBe("Project not found");
    // A language without a catalog falls back to English.
    expect((await expectError(await call(path, "fr"), 404, "NOT_FOUND")).message).toBe("Project not found");
  });

  it("a 409 keeps its parameters (a preset's name) and translates the field issue too", async () => {
    const body = { name: "Moody dusk", modelId: "local/sketch", prompt: "a castle", parameters: { steps: 12 } };
    const first = await call(`/api/settings/presets/${randomUUID()}`, undefined, { method: "PUT", body });
    expect(first.status, await first.clone().text()).toBe(200);
    const clash = (language?: string) => call(`/api/settings/presets/${randomUUID()}`, language, { method: "PUT", body });
    const de = await expectError(await clash("de"), 409, "CONFLICT");
    expect(de.message).toBe("Sie haben bereits eine Voreinstellung namens „Moody dusk“");
    expect(de.details).toEqual({ issues: [{ path: ["name"], message: "Dieser Name ist vergeben" }] });
    const es = await expectError(await clash("es"), 409, "CONFLICT");
    expect(es.message).toBe("Ya tienes un ajuste predefinido llamado «Moody dusk»");
    expect(es.details).toEqual({ issues: [{ path: ["name"], message: "Ese nombre ya está en uso" }] });
    const en = await expectError(await clash(), 409, "CONFLICT");
    expect(en.message).toBe('You already have a preset called "Moody dusk"');
    expect(en.details).toEqual({ issues: [{ path: ["name"], message: "That name is taken" }] });
  });

  it("a wrong password at sign-in, through our route and Better Auth's own", async () => {
    const wrong = (path: string, language?: string) =>
      jsonRequest(t, path, { body: { email: u.email, password: "wrong-wrong-wrong" }, headers: language ? { "Accept-Language": language } : {} });
    const de = await expectError(await wrong("/api/auth/login", "de"), 401, "UNAUTHORIZED");
    expect(de.message).toBe("Diese E-Mail-Adresse und dieses Passwort passen zu keinem Konto.");
    expect(de.details).toMatchObject({ reason: "INVALID_EMAIL_OR_PASSWORD" });
    const es = await expectError(await wrong("/api/auth/sign-in/email", "es"), 401, "UNAUTHORIZED");
    expect(es.message).toBe("Ese correo y esa contraseña no coinciden con ninguna cuenta.");
    const en = await expectError(await wrong("/api/auth/sign-in/email"), 401, "UNAUTHORIZED");
    expect(en.message).toBe("That email and password don't match an account.");
  });

  it("a rate limit says how long to wait, in the reader's language", async () => {
    const ip = randomIp();
    const email = `nobody-${randomUUID()}@example.test`;
    const attempt = (language?: string) =>
      jsonRequest(t, "/api/auth/login", { body: { email, password: "wrong-wrong-wrong" }, ip, headers: language ? { "Accept-Language": language } : {} });
    let res = await attempt();
    for (let i = 0; i < 10 && res.status !== 429; i++) res = await attempt();
    const en = await expectError(res, 429, "RATE_LIMITED");
    expect(en.message).toMatch(/^Too many attempts\. Try again in \d+ seconds\.$/);
    const de = await expectError(await attempt("de"), 429, "RATE_LIMITED");
    expect(de.message).toMatch(/^Zu viele Versuche\. Versuchen Sie es in \d+ Sekunden erneut\.$/);
    const es = await expectError(await attempt("es"), 429, "RATE_LIMITED");
    expect(es.message).toMatch(/^Demasiados intentos\. Vuelve a intentarlo dentro de \d+ segundos\.$/);
  });

  it("without Accept-Language, the account's language decides", async () => {
    const me = await call("/api/auth/profile", undefined, { method: "PUT", body: { language: "es" } });
    expect(me.status, await me.clone().text()).toBe(200);
    try {
      expect((await expectError(await call(`/api/collections/${randomUUID()}`), 404, "NOT_FOUND")).message).toBe("Colección no encontrada");
      expect((await expectError(await call(`/api/collections/${randomUUID()}`, "de"), 404, "NOT_FOUND")).message).toBe("Sammlung nicht gefunden");
    } finally {
      await call("/api/auth/profile", undefined, { method: "PUT", body: { language: "en" } });
    }
  });
});
