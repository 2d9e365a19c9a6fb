import { savePresetRequestSchema, updateGenerationDefaultsSchema, updateUserSettingsSchema } from "@image-studio/shared";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context";
import { validate } from "../../lib/validate";
import { ctxOf, requireUser } from "../../middleware/require-user";
import * as settings from "./settings.service";

const presetParam = z.object({ id: z.uuid("Preset ids are UUIDs") });

/** /api/settings — preferences, generation defaults and named generation presets of the signed-in user. */
export const settingsRoutes = new Hono<AppEnv>()
  .use(requireUser)
  .use(async (c, next) => {
    await next();
    c.header("Cache-Control", "no-store");
  })
  .get("/", async (c) => c.json(await settings.getSettings(ctxOf(c))))
  .put("/", validate("json", updateUserSettingsSchema), async (c) => c.json(await settings.updateSettings(ctxOf(c), c.req.valid("json"))))
  .get("/defaults", async (c) => c.json(await settings.getDefaults(ctxOf(c))))
  .put("/defaults", validate("json", updateGenerationDefaultsSchema), async (c) => c.json(await settings.updateDefaults(ctxOf(c), c.req.valid("json"))))
  .get("/presets", async (c) => c.json({ items: await settings.listPresets(ctxOf(c)) }))
  .put("/presets/:id", validate("param", presetParam), validate("json", savePresetRequestSchema), async (c) =>
    c.json(await settings.savePreset(ctxOf(c), c.req.valid("param").id, c.req.valid("json"))),
  )
  .delete("/presets/:id", validate("param", presetParam), async (c) => {
    await settings.deletePreset(ctxOf(c), c.req.valid("param").id);
    return c.json({ ok: true });
  });
