import { describe, expect, it } from "vitest";
import { catalogProblems, flattenCatalog } from "./i18n-catalog";

describe("catalogProblems", () => {
  const en = { title: "Gallery", bulk: { delete: "Delete {{count}}" }, images_one: "{{count}} image", images_other: "{{count}} images" };

  it("accepts a complete translation, plural forms as the language's rules ask", () => {
    const de = { title: "Galerie", bulk: { delete: "{{count}} löschen" }, images_one: "{{count}} Bild", images_other: "{{count}} Bilder" };
    expect(catalogProblems(en, de, "de", "gallery")).toEqual([]);
    // Spanish has a third form (1 000 000 → "de imágenes").
    const es = { title: "Galería", bulk: { delete: "Eliminar {{count}}" }, images_one: "{{count}} imagen", images_other: "{{count}} imágenes" };
    expect(catalogProblems(en, es, "es", "gallery")).toEqual(["missing gallery:images_many"]);
  });

  it("names missing and empty keys, changed placeholders and leftovers", () => {
    const de = { title: " ", bulk: { delete: "Löschen {{n}}" }, images_one: "{{count}} Bild", images_other: "{{count}} Bilder", old: "Alt" };
    expect(catalogProblems(en, de, "de", "gallery")).toEqual(["missing gallery:title", "placeholders differ in gallery:bulk.delete", "not in English: gallery:old"]);
  });

  it("flattens nested keys with dots", () => {
    expect([...flattenCatalog(en).keys()]).toEqual(["title", "bulk.delete", "images_one", "images_other"]);
  });
});
