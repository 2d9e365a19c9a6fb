import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, jsonRequest, type SignedUpUser, signUp, type TestApp, TEST_PASSWORD } from "../harness";
import { translateAuthError, toAppError } from "../../src/auth/bridge";
import { expectError } from "../auth/helpers";

/**
 * The shared checks' own messages (parameter ranges, batch CSV rows, multi-prompts) come back in the reader's
 * language wherever the API passes them on: the error message, `details.issues`, and a batch preview's row errors.
 */
describe("shared check messages in the reader's language", () => {
  let t: TestApp;
  let u: SignedUpUser;
  beforeAll(async () => {
    t = await createTestApp({ BATCH_MAX_JOBS: "40" });
    u = await signUp(t);
  });
  afterAll(() => t.close());

  const call = (path: string, body: unknown, language?: string) =>
    jsonRequest(t, path, { body, cookie: u.cookie, ip: u.ip, headers: language ? { "Accept-Language": language } : {} });

  it("a parameter out of range, in German, with the field issue; English without a header", async () => {
    const body = { prompt: "a castle", modelId: "local/sketch", parameters: { steps: 500 } };
    const de = await expectError(await call("/api/generate/text-to-image", body, "de"), 400, "VALIDATION_FAILED");
    expect(de.message).toMatch(/^steps muss für .+ zwischen 1 und 50 liegen$/);
    expect(de.details).toEqual({ issues: [{ path: ["parameters", "steps"], message: de.message }] });
    const en = await expectError(await call("/api/generate/text-to-image", body), 400, "VALIDATION_FAILED");
    expect(en.message).toMatch(/^steps must be between 1 and 50 for /);
    const multi = await expectError(await call("/api/generate/text-to-image", { ...body, prompt: "a::0 | b::0", parameters: {} }, "es"), 400, "VALIDATION_FAILED");
    expect(multi.message).toBe("Da a al menos una parte un peso mayor que 0");
  });

  it("a batch CSV's row errors, in the preview and in the refusal", async () => {
    const csv = "prompt,seed,steps\nfine,1,4\nok,x,4\nbig,3,99\n";
    const res = await call("/api/generate/batch/preview", { modelId: "local/sketch-fast", csv }, "de");
    expect(res.status, await res.clone().text()).toBe(200);
    const preview = (await res.json()) as { errors: { row: number; column: string; message: string }[] };
    expect(preview.errors).toEqual([
      { row: 2, column: "seed", message: "„x“ ist kein Seed (eine ganze Zahl von 0 bis 4294967295)" },
      { row: 3, column: "steps", message: expect.stringMatching(/^steps muss für .+ zwischen 1 und 8 liegen$/) },
    ]);
    const refused = await expectError(await call("/api/generate/batch", { modelId: "local/sketch-fast", csv }, "de"), 400, "VALIDATION_FAILED");
    expect(refused.message).toBe("Zeile 2, seed: „x“ ist kein Seed (eine ganze Zahl von 0 bis 4294967295) (und 1 weiteres)");
    expect((refused.details as { errors: { message: string }[] }).errors.map((e) => e.message)).toEqual(preview.errors.map((e) => e.message));
    const en = await expectError(await call("/api/generate/batch", { modelId: "local/sketch-fast", csv }), 400, "VALIDATION_FAILED");
    expect(en.message).toBe('Row 2, seed: "x" is not a seed (a whole number from 0 to 4294967295) (and 1 more)');
  });

  it("a sign-up with a taken email answers in German like a new one (no error, nothing to tell apart)", async () => {
    const signUpAs = (email: string) =>
      jsonRequest(t, "/api/auth/sign-up/email", { body: { email, password: TEST_PASSWORD, name: "Again" }, headers: { "Accept-Language": "de" } });
    const taken = await signUpAs(u.email);
    const fresh = await signUpAs(`fresh-${u.user.id}@example.test`);
    expect([taken.status, fresh.status]).toEqual([200, 200]);
    type Answer = { token: unknown; user: Record<string, unknown> };
    const shape = async (res: Response) => {
      const b = (await res.json()) as Answer;
      return { token: b.token, keys: Object.keys(b.user).sort() };
    };
    expect(await shape(taken)).toEqual(await shape(fresh));
  });

  it("Better Auth's refusals without words of their own (taken email, 2FA lock-out) read in German", () => {
    const german = (status: number, code: string) => toAppError(translateAuthError(status, { code, message: "English" }, new Headers())).localized("de");
    expect(german(422, "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL")).toEqual({
      message: "Mit dieser E-Mail-Adresse gibt es bereits ein Konto. Verwenden Sie eine andere Adresse oder melden Sie sich an.",
      details: { reason: "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL" },
    });
    expect(german(422, "USER_ALREADY_EXISTS").message).toBe("Mit dieser E-Mail-Adresse gibt es bereits ein Konto. Melden Sie sich an oder setzen Sie Ihr Passwort zurück.");
    expect(german(403, "ACCOUNT_TEMPORARILY_LOCKED").message).toBe("Zu viele falsche Codes: Dieses Konto ist vorübergehend gesperrt. Versuchen Sie es später erneut.");
    expect(german(400, "TOTP_ALREADY_ENABLED").message).toBe("Die Anmeldung in zwei Schritten mit einer Authenticator-App ist bereits eingeschaltet.");
    // A code we have no words for keeps Better Auth's own text.
    expect(german(400, "SOMETHING_NEW").message).toBe("English");
  });
});
