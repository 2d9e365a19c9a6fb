import { Hono } from "hono";
import type { AppEnv } from "../../context";
import { renderDocsPage } from "./docs-page";
import { buildOpenApi } from "./openapi.document";

type RouteTable = Hono["routes"];

/** GET /api/openapi.json and GET /api/docs, built once per process from the app's route table. */
export function openApiRoutes(routes: () => RouteTable) {
  let doc: Record<string, unknown> | undefined;
  let html: string | undefined;
  const document = (version: string, appUrl: string) => (doc ??= buildOpenApi(routes(), { version, appUrl }));
  return new Hono<AppEnv>()
    .get("/openapi.json", (c) => {
      const deps = c.get("deps");
      c.header("Cache-Control", "no-cache");
      return c.json(document(deps.version, deps.env.APP_URL));
    })
    .get("/docs", (c) => {
      const deps = c.get("deps");
      html ??= renderDocsPage(document(deps.version, deps.env.APP_URL));
      c.header("Cache-Control", "no-cache");
      return c.html(html);
    });
}
