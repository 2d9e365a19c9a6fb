import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ErrorBody } from "@image-studio/shared";
import { createTestApp, jsonRequest, type SignedUpUser, signUp, type TestApp } from "../harness";

/** VALIDATION_FAILED answers speak the request's language: the schema's own messages and zod's built-in ones. */
describe("validation messages in the reader's language", () => {
  let t: TestApp;
  let u: SignedUpUser;

  beforeAll(async () => {
    t = await createTestApp();
    u = await signUp(t);
  });
  afterAll(() => t.close());

  const createProject = async (body: unknown, language?: string) => {
    const res = await jsonRequest(t, "/api/projects", { body, cookie: u.cookie, ip: u.ip, headers: language ? { "accept-language": language } : {} });
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as ErrorBody;
    expect(error.code).toBe("VALIDATION_FAILED");
    return { message: error.message, issues: (error.details as { issues: { path: string[]; message: string }[] }).issues };
  };

  it("answers in German for Accept-Language: de — a schema's message and zod's own", async () => {
    const custom = await createProject({ name: "  " }, "de-DE,de;q=0.9,en;q=0.5");
    expect(custom.issues).toEqual([{ path: ["name"], message: "Geben Sie dem Projekt einen Namen" }]);
    expect(custom.message).toBe("name: Geben Sie dem Projekt einen Namen");
    const builtIn = await createProject({ name: 42 }, "de");
    expect(builtIn.issues).toEqual([{ path: ["name"], message: "Ungültige Eingabe: erwartet string, erhalten Zahl" }]);
  });

  it("answers in Spanish for Accept-Language: es", async () => {
    const custom = await createProject({ name: "" }, "es");
    expect(custom.issues[0]?.message).toBe("Ponle un nombre al proyecto");
    const builtIn = await createProject({ name: 42 }, "es");
    expect(builtIn.issues[0]?.message).toBe("Entrada inválida: se esperaba texto, recibido número");
  });

  it("answers in English without a header, or for a language the API does not speak", async () => {
    expect((await createProject({ name: "" })).issues[0]?.message).toBe("Give the project a name");
    expect((await createProject({ name: 42 }, "fr")).issues[0]?.message).toBe("Invalid input: expected string, received number");
  });
});
