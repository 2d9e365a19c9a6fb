/**
 * The API reference at /api/docs: a plain HTML page rendered on the server from the OpenAPI document — no
 * scripts, nothing from a CDN (the CSP allows neither), readable on a phone, light and dark.
 */
type Json = Record<string, unknown>;

const esc = (s: unknown) =>
  String(s).replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!);

const STYLE = `
:root{color-scheme:light dark;--bg:#fafafa;--fg:#18181b;--muted:#52525b;--card:#fff;--line:#e4e4e7;--primary:#7c3aed;--accent:#db2777;--code:#f4f4f5}
@media (prefers-color-scheme:dark){:root{--bg:#09090b;--fg:#fafafa;--muted:#a1a1aa;--card:#18181b;--line:#27272a;--primary:#a78bfa;--accent:#f472b6;--code:#27272a}}
*{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.55 system-ui,-apple-system,"Segoe UI",sans-serif}
a{color:var(--primary)}a:focus-visible,summary:focus-visible{outline:3px solid var(--primary);outline-offset:2px;border-radius:6px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:var(--card);padding:.5rem 1rem;border-radius:.75rem}
header,main{max-width:60rem;margin:0 auto;padding:1rem}header h1{margin:.5rem 0;font-size:1.75rem}
nav ul{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;padding:0}nav a{display:inline-block;padding:.25rem .75rem;border:1px solid var(--line);border-radius:999px;text-decoration:none}
section>h2{margin-top:2rem;text-transform:capitalize}
.op{background:var(--card);border:1px solid var(--line);border-radius:.75rem;padding:1rem;margin:.75rem 0}
.op h3{margin:0;font:600 1rem/1.4 "JetBrains Mono",ui-monospace,monospace;word-break:break-all}
.m{display:inline-block;min-width:4.2rem;text-align:center;border-radius:.5rem;padding:0 .4rem;margin-right:.5rem;color:#fff;background:#6d28d9}
.m.get{background:#047857}.m.delete{background:#b91c1c}.m.put,.m.patch{background:#a16207}
.scope{font-family:"JetBrains Mono",ui-monospace,monospace;color:var(--accent)}p{color:var(--muted);margin:.5rem 0}
pre{background:var(--code);border-radius:.5rem;padding:.75rem;overflow:auto;font:13px/1.5 "JetBrains Mono",ui-monospace,monospace;max-height:24rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{text-align:left;border-bottom:1px solid var(--line);padding:.25rem .5rem;vertical-align:top}
code{font-family:"JetBrains Mono",ui-monospace,monospace}summary{cursor:pointer;padding:.25rem 0}
`;

function paramsTable(params: Json[]): string {
  if (!params.length) return "";
  const rows = params
    .map((p) => {
      const schema = (p.schema ?? {}) as Json;
      const type = schema.type ?? (schema.enum ? "enum" : schema.anyOf ? "one of" : "");
      return `<tr><td><code>${esc(p.name)}</code></td><td>${esc(p.in)}</td><td>${esc(type)}${schema.enum ? ` (${esc((schema.enum as unknown[]).join(", "))})` : ""}</td><td>${p.required ? "yes" : "no"}</td></tr>`;
    })
    .join("");
  return `<table><caption class="skip">Parameters</caption><thead><tr><th scope="col">Parameter</th><th scope="col">In</th><th scope="col">Type</th><th scope="col">Required</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function operationHtml(method: string, path: string, op: Json): string {
  const samples = (op["x-codeSamples"] as { source: string }[] | undefined) ?? [];
  const body = ((op.requestBody as Json | undefined)?.content ?? {}) as Record<string, { schema: unknown }>;
  const [bodyType, bodySchema] = Object.entries(body)[0] ?? [];
  const ok = Object.entries(op.responses as Record<string, { content?: Record<string, { schema: unknown }> }>)[0]!;
  const okSchema = Object.values(ok[1].content ?? {})[0]?.schema;
  return `<article class="op" id="${esc(op.operationId)}">
<h3><span class="m ${method}">${method.toUpperCase()}</span>${esc(path)}</h3>
<p>Scope: <span class="scope">${esc(op["x-required-scope"])}</span> · success: <code>${esc(ok[0])}</code></p>
${paramsTable((op.parameters as Json[]) ?? [])}
${samples.map((s) => `<pre aria-label="curl example"><code>${esc(s.source)}</code></pre>`).join("")}
${bodySchema ? `<details><summary>Request body (${esc(bodyType)})</summary><pre><code>${esc(JSON.stringify(bodySchema, null, 2))}</code></pre></details>` : ""}
${okSchema ? `<details><summary>Response ${esc(ok[0])}</summary><pre><code>${esc(JSON.stringify(okSchema, null, 2))}</code></pre></details>` : ""}
</article>`;
}

export function renderDocsPage(doc: Json): string {
  const info = doc.info as { title: string; version: string; description: string };
  const byTag = new Map<string, string[]>();
  for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, Json>>)) {
    for (const [method, op] of Object.entries(item)) {
      const tag = (op.tags as string[])[0]!;
      byTag.set(tag, [...(byTag.get(tag) ?? []), operationHtml(method, path, op)]);
    }
  }
  const tags = [...byTag.keys()].sort();
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(info.title)} reference</title><style>${STYLE}</style></head><body>
<a class="skip" href="#main">Skip to the reference</a>
<header><h1>${esc(info.title)} <small>v${esc(info.version)}</small></h1>
<p>${esc(info.description)}</p>
<p>Create a key in <a href="/settings?tab=api-keys">Settings → API keys</a>, then: <code>export IMAGE_STUDIO_API_KEY=is_live_…</code>. The machine-readable document is at <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).</p>
<nav aria-label="Sections"><ul>${tags.map((t) => `<li><a href="#tag-${esc(t)}">${esc(t)}</a></li>`).join("")}</ul></nav></header>
<main id="main">${tags.map((t) => `<section id="tag-${esc(t)}" aria-labelledby="h-${esc(t)}"><h2 id="h-${esc(t)}">${esc(t)}</h2>${byTag.get(t)!.join("\n")}</section>`).join("\n")}</main>
</body></html>`;
}
