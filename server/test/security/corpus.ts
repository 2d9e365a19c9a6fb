import { expect, it } from "vitest";
import { LIMITS } from "@image-studio/shared";
import { type SignedUpUser, signUp } from "../harness";
import { MATRIX, type Row } from "./matrix";
import { bodyOf, pathOf, queryString, send } from "./routes";
import { fresh, type Ids, type World } from "./world";

/**
 * The bad-input corpus: for every route, NUL in the query; for every sample query key, hostile values (huge,
 * out-of-range dates and numbers, forged cursors); for every JSON body, each field replaced by hostile values,
 * plus wrong shapes, malformed and deeply nested JSON and an oversized body. Never a 5xx; the cases the input
 * guard owns (NUL, nesting, size) must get exactly its answer, and every 4xx carries the product's error body.
 */
interface Case {
  name: string;
  query?: Record<string, string>;
  /** JSON text; placeholder ids are replaced by the row's real ones when sent. */
  raw?: string;
  status?: number;
}

const KINDS = ["id", "image", "comment", "project", "collection", "prompt", "preset", "job", "cancelledJob", "session", "upload", "user"] as const;
/** Stand-in ids for building cases before any resource exists. */
const PLACEHOLDER = Object.fromEntries(KINDS.map((k, i) => [k, `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`])) as Ids;

const HUGE = "x".repeat(100_000);
const QUERY_VALUES = [HUGE, "9999-12-31", "0000-01-01", "0000-01-01T00:00:00Z", "-1", "1e300", "9999999999999999999", "NaN", "", "a,b,,"];
const forge = (s: string, k: unknown[]) => Buffer.from(JSON.stringify({ s, o: "desc", k })).toString("base64url");
const U = "6f1c2a4e-3b1d-4c2a-9e8f-0a1b2c3d4e5f";
const TS = "2026-01-01T00:00:00.000000Z";
/** Gallery cursors with values that do not fit their SQL casts (sort → cursor). */
const FORGED_CURSORS: [string, string][] = [
  ["date", forge("date", ["2026-13-01T00:00:00.000000Z", U])],
  ["date", forge("date", ["0000-01-01T00:00:00.000000Z", U])],
  ["rating", forge("rating", [2 ** 40, TS, U])],
  ["rating", forge("rating", [1e300, TS, U])],
  ["prompt", forge("prompt", ["a\u0000b", U])],
  ["model", forge("model", [{}, TS, U])],
  ["date", "not-base64-!!"],
];
const LEAF_VALUES: [string, unknown, number?][] = [
  ["NUL", "a\u0000b", 400],
  ["huge string", HUGE],
  ["1e300", 1e300],
  ["-2^63", -(2 ** 63)],
  ["object", {}],
  ["null", null],
  ["year 0000", "0000-01-01T00:00:00Z"],
];
const deep = (n: number) => "[".repeat(n) + "]".repeat(n);

/** Paths of the leaves (scalars and empty containers) of a JSON value. */
function leaves(v: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (v && typeof v === "object" && Object.keys(v).length) return Object.entries(v).flatMap(([k, c]) => leaves(c, [...path, Array.isArray(v) ? Number(k) : k]));
  return [path];
}
function setAt(v: unknown, path: (string | number)[], value: unknown): unknown {
  if (!path.length) return value;
  const copy = (Array.isArray(v) ? [...v] : { ...(v as object) }) as Record<string | number, unknown>;
  copy[path[0]!] = setAt(copy[path[0]!], path.slice(1), value);
  return copy;
}

function queryCases(row: Row): Case[] {
  const out: Case[] = [{ name: "NUL in the query", query: { ...row.query, x: "\u0000" }, status: 400 }];
  for (const key of Object.keys(row.query ?? {})) {
    for (const v of QUERY_VALUES) out.push({ name: `?${key}=${v.slice(0, 24)}`, query: { ...row.query, [key]: v } });
    if (key === "cursor") for (const [sort, cursor] of FORGED_CURSORS) out.push({ name: `forged ${sort} cursor`, query: { ...row.query, sort, cursor } });
  }
  return out;
}

function bodyCases(key: string, row: Row): Case[] {
  if (row.body === undefined || row.multipart || key.startsWith("GET ")) return [];
  const body = bodyOf(row, PLACEHOLDER);
  const out: Case[] = [];
  for (const path of leaves(body)) {
    for (const [name, value, status] of LEAF_VALUES) out.push({ name: `${path.join(".") || "body"} = ${name}`, raw: JSON.stringify(setAt(body, path, value)), status });
  }
  const oversize = key === "POST /api/sync/push" ? undefined : 413;
  out.push(
    { name: "empty object", raw: "{}" },
    { name: "array body", raw: "[]" },
    { name: "string body", raw: '"x"' },
    { name: "malformed JSON", raw: '{"a":', status: 400 },
    { name: "8,000-level nesting", raw: deep(8000), status: 400 },
    { name: "nesting in a field", raw: `{"${String(leaves(body)[0]?.[0] ?? "a")}":${deep(LIMITS.jsonMaxDepth + 5)}}`, status: 400 },
    { name: "1.1 MB body", raw: JSON.stringify({ ...(body as object), pad: "x".repeat(1.1 * 1024 * 1024) }), status: oversize },
  );
  return out;
}

export const casesOf = (key: string, row: Row): Case[] => (row.noCall ? [] : [...queryCases(row), ...bodyCases(key, row)]);
export const corpusCount = () => Object.entries(MATRIX).reduce((n, [k, r]) => n + casesOf(k, r).length, 0);

function hasErrorBody(text: string): boolean {
  try {
    return typeof (JSON.parse(text) as { error?: { code?: unknown } }).error?.code === "string";
  } catch {
    return false;
  }
}

function callerOf(w: World, row: Row): SignedUpUser | null {
  return row.access === "owned" ? w.owner : row.access === "admin" ? w.admin : row.access === "user" ? w.other : null;
}

async function runRow(w: World, key: string, row: Row) {
  const ids = await fresh(w, [...(row.kind ? [row.kind] : []), ...(row.also ?? [])]);
  if (row.kind) ids.id = ids[row.kind];
  const swap = (s: string) => KINDS.reduce((acc, k) => acc.replaceAll(PLACEHOLDER[k], ids[k] ?? PLACEHOLDER[k]), s);
  // Rows that sign out or delete their caller get a user of their own, should a hostile variant get through.
  const who = row.throwaway ? await signUp(w.t) : callerOf(w, row);
  const failures: string[] = [];
  for (const c of casesOf(key, row)) {
    const path = pathOf(key, row, ids) + queryString(c.query ?? row.query);
    const res = await send(w.t, who, key, row, ids, c.raw === undefined ? { path } : { path, rawBody: swap(c.raw) });
    const text = row.stream && res.status < 400 ? "" : await res.text();
    const bad = res.status >= 500 || (c.status !== undefined && res.status !== c.status);
    if (bad) failures.push(`${c.name}: ${res.status} ${text.slice(0, 160)}`);
    else if (res.status >= 400 && !hasErrorBody(text)) failures.push(`${c.name}: ${res.status} without the error body: ${text.slice(0, 160)}`);
  }
  expect(failures).toEqual([]);
}

/** One test per route; its name carries the number of bad inputs tried. */
export function corpusTests(world: () => World) {
  for (const [key, row] of Object.entries(MATRIX)) {
    const n = casesOf(key, row).length;
    if (!n) continue;
    it(`${key}: ${n} bad inputs, no 5xx`, () => runRow(world(), key, row));
  }
}
