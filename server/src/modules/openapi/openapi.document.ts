import { API_KEY_SCOPE_LABELS } from "@image-studio/shared";
import type { Hono } from "hono";
import { z, type ZodType } from "zod";
import { validatorSchemas } from "../../lib/validate";
import { keyAccess, stripPatterns } from "../keys/key-scopes";
import { errorBodySchema, RESPONSES } from "./responses";

/**
 * The OpenAPI 3.1 document, generated from the app's own route table: every /api route an API key may call
 * (modules/keys/key-scopes.ts), with the request schemas its `validate()` middleware checks (the shared zod
 * contracts, via zod's JSON Schema output) and the answers listed in responses.ts. Nothing is written by hand per
 * route, so a new route or a changed contract shows up here by itself.
 */
type Json = Record<string, unknown>;
type RouteTable = Hono["routes"];

const toSchema = (schema: ZodType, io: "input" | "output"): Json => {
  const out = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as Json;
  delete out.$schema;
  return out;
};

/** `/api/images/:id{[0-9a-f-]{36}}/file/:variant` → `/api/images/{id}/file/{variant}`. */
export const openApiPath = (path: string) => stripPatterns(path).replace(/:([A-Za-z0-9_]+)/g, "{$1}");

const operationId = (method: string, path: string) =>
  method.toLowerCase() +
  stripPatterns(path)
    .replace(/^\/api/, "")
    .split(/[/-]/)
    .filter(Boolean)
    .map((p) => (p.startsWith(":") ? `By${p[1]!.toUpperCase()}${p.slice(2)}` : p[0]!.toUpperCase() + p.slice(1)))
    .join("");

const tagOf = (path: string) => path.split("/")[2] ?? "api";

interface Collected {
  method: string;
  path: string;
  validators: { target: string; schema: ZodType }[];
}

/** Groups the route table's entries (each middleware of a route is its own entry) into operations. */
function collect(routes: RouteTable): Collected[] {
  const ops = new Map<string, Collected>();
  for (const r of routes) {
    if (r.method === "ALL" || !r.path.startsWith("/api/")) continue;
    const key = `${r.method} ${r.path}`;
    const op = ops.get(key) ?? { method: r.method, path: r.path, validators: [] };
    const v = validatorSchemas.get(r.handler);
    if (v) op.validators.push(v);
    ops.set(key, op);
  }
  return [...ops.values()];
}

function parametersOf(op: Collected): Json[] {
  const params: Json[] = [];
  const pathSchema = op.validators.find((v) => v.target === "param");
  const pathProps = pathSchema ? ((toSchema(pathSchema.schema, "input").properties ?? {}) as Record<string, Json>) : {};
  for (const m of stripPatterns(op.path).matchAll(/:([A-Za-z0-9_]+)/g)) {
    params.push({ name: m[1], in: "path", required: true, schema: pathProps[m[1]!] ?? { type: "string" } });
  }
  const query = op.validators.find((v) => v.target === "query");
  if (query) {
    const s = toSchema(query.schema, "input");
    const required = new Set((s.required as string[] | undefined) ?? []);
    for (const [name, schema] of Object.entries((s.properties ?? {}) as Record<string, Json>)) {
      params.push({ name, in: "query", required: required.has(name), schema });
    }
  }
  return params;
}

function curlExample(method: string, path: string, appUrl: string, hasBody: boolean, multipart: boolean): string {
  const url = `${appUrl.replace(/\/$/, "")}${openApiPath(path)}`;
  const lines = [`curl -X ${method} "${url}"`, `  -H "Authorization: Bearer $IMAGE_STUDIO_API_KEY"`];
  if (multipart) lines.push(`  -F "file=@picture.png"`);
  else if (hasBody) lines.push(`  -H "Content-Type: application/json"`, `  -d '{ … }'`);
  return lines.join(" \\\n");
}

function operation(op: Collected, scope: keyof typeof API_KEY_SCOPE_LABELS, appUrl: string): Json {
  const key = `${op.method} ${stripPatterns(op.path)}`;
  const body = op.validators.find((v) => v.target === "json");
  const multipart = key === "POST /api/uploads";
  const known = RESPONSES[key];
  const status = String(known?.status ?? 200);
  const content = known?.binary
    ? { [known.binary]: { schema: { type: "string", contentMediaType: known.binary } } }
    : { "application/json": { schema: known?.schema ? toSchema(known.schema, "output") : { type: "object" } } };
  const error = { "application/json": { schema: { $ref: "#/components/schemas/Error" } } };
  const out: Json = {
    operationId: operationId(op.method, op.path),
    summary: key,
    tags: [tagOf(stripPatterns(op.path))],
    description: `Needs an API key with the \`${scope}\` scope. ${API_KEY_SCOPE_LABELS[scope]}.`,
    "x-required-scope": scope,
    "x-codeSamples": [
      { lang: "curl", label: "curl", source: curlExample(op.method, op.path, appUrl, !!body, multipart) },
    ],
    parameters: parametersOf(op),
    responses: {
      [status]: { description: "Success", content },
      "400": { description: "Invalid input (VALIDATION_FAILED with field details)", content: error },
      "401": { description: "No key, or the key is revoked, expired or unknown", content: error },
      "403": { description: "The key lacks the scope this route needs", content: error },
      "404": { description: "Not found (someone else's resource answers the same)", content: error },
      "429": { description: "The key's rate limit is used up; see Retry-After", content: error },
    },
  };
  if (body)
    out.requestBody = { required: true, content: { "application/json": { schema: toSchema(body.schema, "input") } } };
  if (multipart) {
    out.requestBody = {
      required: true,
      content: {
        "multipart/form-data": {
          schema: {
            type: "object",
            required: ["file"],
            properties: { file: { type: "string", contentMediaType: "image/png" }, purpose: { type: "string" } },
          },
        },
      },
    };
  }
  return out;
}

/** Every route of `routes` an API key may call, as `METHOD /path` (patterns stripped). */
export function keyRoutes(routes: RouteTable): string[] {
  return collect(routes)
    .filter((op) => keyAccess(op.method, stripPatterns(op.path)).allowed)
    .map((op) => `${op.method} ${stripPatterns(op.path)}`)
    .sort();
}

export function buildOpenApi(routes: RouteTable, opts: { version: string; appUrl: string }): Json {
  const paths: Record<string, Json> = {};
  for (const op of collect(routes)) {
    const access = keyAccess(op.method, stripPatterns(op.path));
    if (!access.allowed) continue;
    const p = openApiPath(op.path);
    paths[p] = { ...(paths[p] ?? {}), [op.method.toLowerCase()]: operation(op, access.scope, opts.appUrl) };
  }
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "Image Studio API",
      version: opts.version,
      description:
        "The public REST API of Image Studio. Authenticate with a personal API key (Settings → API keys): " +
        "`Authorization: Bearer is_live_…`. Scopes: `read` (GET), `generate` (start jobs, uploads), `manage` (change images, projects, collections, prompts). " +
        "Errors share one body: `{ error: { code, message, details?, requestId } }`.",
    },
    servers: [{ url: opts.appUrl.replace(/\/$/, "") }],
    security: [{ apiKey: [] }],
    tags: [...new Set(Object.keys(paths).map((p) => p.split("/")[2]!))].sort().map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        apiKey: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "is_live_…",
          description: "A personal API key from Settings → API keys.",
        },
      },
      schemas: { Error: toSchema(errorBodySchema, "output") },
    },
  };
}
