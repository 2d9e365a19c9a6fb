import { catalogProblems } from "@image-studio/shared";
import { describe, expect, it } from "vitest";
import { API_CATALOGS, ApiText, msg, renderApi } from "./api";
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

describe("api catalogs", () => {
  for (const [lng, catalog] of Object.entries(API_CATALOGS)) {
    if (lng === "en") continue;
    it(`${lng}: every English key is translated, with the same placeholders and no leftovers`, () => {
      expect(catalogProblems(API_CATALOGS.en, catalog, lng, "api")).toEqual([]);
    });
  }

  it("renders plural forms and our own words inside a message in the same language", () => {
    expect(renderApi("en", "projects.imagesNotFound", { count: 1 })).toBe("Image not found");
    expect(renderApi("de", "projects.imagesNotFound", { count: 3 })).toBe("3 Bilder nicht gefunden");
    expect(renderApi("es", "projects.imagesNotFound", { count: 1_000_000 })).toBe("1000000 imágenes no encontradas");
    const status = msg("generation.jobAlready", { status: msg("jobStatus.completed") });
    expect(status.render("de")).toBe("Der Auftrag ist bereits abgeschlossen");
    expect(status.render("es")).toBe("El trabajo ya está completado");
    expect(String(status)).toBe("The job is already completed");
  });

  it("renders a language without a catalog in English", () => {
    expect(new ApiText("notFound.image").render("fr")).toBe("Image not found");
  });
});
