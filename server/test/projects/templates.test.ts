import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILTIN_PROJECT_TEMPLATES, type Project } from "@image-studio/shared";
import { createTestApp, type SignedUpUser, signUp, type TestApp } from "../harness";
import { caller, ok } from "../images/fixtures";

describe("projects: built-in templates, tags and category", () => {
  let t: TestApp;
  let u: SignedUpUser;
  let call: ReturnType<typeof caller>;
  const create = (body: Record<string, unknown>) => ok<Project>(call("/api/projects", { body }), 201);

  beforeAll(async () => {
    t = await createTestApp();
    u = await signUp(t);
    call = caller(t, u);
  });
  afterAll(() => t.close());

  it("starts a project from each built-in template: its model, parameters, starters, tags and category", async () => {
    for (const tpl of BUILTIN_PROJECT_TEMPLATES) {
      const p = await create({ name: `From ${tpl.name}`, templateId: tpl.id });
      expect(p).toMatchObject({
        name: `From ${tpl.name}`,
        description: tpl.description,
        category: tpl.category,
        tags: [...tpl.tags],
        isTemplate: false,
        settings: {
          defaultModelId: tpl.settings.defaultModelId,
          defaultParameters: tpl.settings.defaultParameters,
          promptStarters: [...tpl.settings.promptStarters],
        },
      });
    }
  });

  it("lets the caller's own fields win over the template's, and refuses an unknown built-in id", async () => {
    const p = await create({
      name: "Mine",
      templateId: "builtin-logo-exploration",
      description: "For Acme",
      tags: ["acme"],
      category: "Client work",
    });
    expect(p).toMatchObject({ description: "For Acme", tags: ["acme"], category: "Client work" });
    expect(p.settings.defaultModelId).toBe("fal-ai/flux/dev");
    expect((await call("/api/projects", { body: { name: "x", templateId: "builtin-nope" } })).status).toBe(400);
  });

  it("built-in templates are not projects: the templates listing holds only the user's own", async () => {
    await create({ name: "From a built-in", templateId: "builtin-product-shots" });
    const { items } = await ok<{ items: Project[] }>(call("/api/projects?templates=true"));
    expect(items.every((p) => p.isTemplate)).toBe(true);
    expect(items.map((p) => p.name)).not.toContain("Product shots");
  });

  it("edits tags and category with PUT, clears the category with null, and keeps tags to the image tag rules", async () => {
    const p = await create({ name: "Tagged" });
    const upd = await ok<Project>(
      call(`/api/projects/${p.id}`, { method: "PUT", body: { tags: ["summer", "summer", "beach"], category: "Campaign" } }),
    );
    expect(upd).toMatchObject({ tags: ["summer", "beach"], category: "Campaign" });
    const cleared = await ok<Project>(call(`/api/projects/${p.id}`, { method: "PUT", body: { category: null, tags: [] } }));
    expect(cleared).toMatchObject({ tags: [], category: null });
    expect((await call(`/api/projects/${p.id}`, { method: "PUT", body: { tags: ["a,b"] } })).status).toBe(400);
    const listed = await ok<{ items: Project[] }>(call("/api/projects?tag=summer"));
    expect(listed.items.map((i) => i.id)).not.toContain(p.id);
  });
});
