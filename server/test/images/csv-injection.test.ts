import type { Project } from "@image-studio/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type SignedUpUser, signUp, type TestApp } from "../harness";
import { caller, makePng, ok, storeImage, unzip } from "./fixtures";

/** RFC 4180: rows of cells, quotes unescaped (enough for our exports). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = "";
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === ",") {
      endCell();
    } else if (!quoted && ch === "\r" && text[i + 1] === "\n") {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else {
      cell += ch;
    }
  }
  if (cell || row.length) {
    endCell();
    rows.push(row);
  }
  return rows;
}

/** Every text a user controls, each starting the way a spreadsheet formula does. */
const HOSTILE = {
  prompt: "+cmd|' /C calc'!A0",
  negativePrompt: "-2+3",
  notes: "=1+1",
  altText: "\tx",
  modelVersion: "@SUM(A1)",
  tags: ['=HYPERLINK("http://evil.test","click")', "@me", "fine"],
};

describe("CSV exports neutralise formulas in every cell", () => {
  let t: TestApp;
  let u: SignedUpUser;
  let call: ReturnType<typeof caller>;
  let project: Project;
  let imageId: string;

  beforeAll(async () => {
    t = await createTestApp();
    u = await signUp(t);
    call = caller(t, u);
    project = await ok<Project>(call("/api/projects", { body: { name: "Hostile" } }), 201);
    imageId = (await storeImage(t, u.user.id, await makePng({ hue: 5 }), { ...HOSTILE, projectId: project.id })).id;
  });
  afterAll(() => t.close());

  /** The one data row, by column; checks that no cell of it would run as a formula. */
  function row(csv: string): Record<string, string> {
    const [header, data, ...rest] = parseCsv(csv.replace(/^\uFEFF/, ""));
    expect(rest).toEqual([]);
    const cells = Object.fromEntries(header!.map((h, i) => [h, data![i]!]));
    for (const [col, v] of Object.entries(cells)) expect(v, col).not.toMatch(/^[=+\-@\t\r]/);
    expect(cells.id).toBe(imageId);
    return cells;
  }

  function expectInert(cells: Record<string, string>) {
    expect(cells.prompt).toBe(`'${HOSTILE.prompt}`);
    expect(cells.negativePrompt).toBe(`'${HOSTILE.negativePrompt}`);
    expect(cells.notes).toBe(`'${HOSTILE.notes}`);
    expect(cells.altText).toBe(`'${HOSTILE.altText}`);
    expect(cells.modelVersion).toBe(`'${HOSTILE.modelVersion}`);
    // Each tag too, so splitting the cell at "; " into columns stays safe.
    expect(cells.tags).toBe(`'=HYPERLINK("http://evil.test","click"); '@me; fine`);
  }

  it("in the metadata export", async () => {
    const res = await call("/api/images/metadata/export", {
      method: "POST",
      body: { imageIds: [imageId], format: "csv" },
    });
    expect(res.status).toBe(200);
    expectInert(row(await res.text()));
  });

  it("in the project export's metadata.csv", async () => {
    const res = await call(`/api/projects/${project.id}/export`, { method: "POST", body: {} });
    expect(res.status).toBe(200);
    const files = unzip(Buffer.from(await res.arrayBuffer()));
    expectInert(row(files.get("metadata.csv")!.toString("utf8")));
  });

  it("leaves the JSON export as the data is", async () => {
    const res = await call("/api/images/metadata/export", {
      method: "POST",
      body: { imageIds: [imageId], format: "json" },
    });
    const [m] = (await res.json()) as { tags: string[]; notes: string }[];
    expect(m).toMatchObject({ tags: HOSTILE.tags, notes: HOSTILE.notes });
  });
});
