import { catalogProblems } from "@image-studio/shared";
import { describe, expect, it } from "vitest";
import { MAIL_CATALOGS, mailT } from "./mail";

describe("mail catalogs", () => {
  for (const [lng, catalog] of Object.entries(MAIL_CATALOGS)) {
    if (lng === "en") continue;
    it(`${lng}: every English key is translated, with the same placeholders and no leftovers`, () => {
      expect(catalogProblems(MAIL_CATALOGS.en, catalog, lng, "mail")).toEqual([]);
    });
  }

  it("writes in the recipient's language, with dates in their time zone", async () => {
    const { verifyEmailMail, newSignInMail } = await import("../auth/mail/templates");
    const de = verifyEmailMail("http://studio.test", { name: "Ada Lovelace", language: "de", url: "http://studio.test/v" });
    expect(de.subject).toBe("Bestätigen Sie Ihre E-Mail-Adresse für Image Studio");
    expect(de.html).toContain('<html lang="de">');
    expect(de.html).toContain("Willkommen, Ada!");
    expect(de.text).toContain("E-Mail-Adresse bestätigen: http://studio.test/v");
    const es = newSignInMail("http://studio.test", { name: "", language: "es", timeZone: "America/Mexico_City", when: new Date("2026-12-05T18:00:00Z"), device: "Firefox on Linux", ip: "", sessionsUrl: "http://studio.test/s" });
    expect(es.text).toContain("Hola, usuario:");
    expect(es.text).toContain("Dirección IP: desconocida");
    expect(es.text).toMatch(/Cuándo: sábado, 5 de diciembre de 2026, 12:00:00/);
  });

  it("writes to a language without a mail catalog in English", () => {
    expect(mailT("xx").language).toBe("en");
    expect(mailT("xx").t("verify.heading", { name: "Ada" })).toBe("Welcome, Ada!");
  });
});
