import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessTests, matrixCounts } from "./access";
import { corpusCount, corpusTests } from "./corpus";
import { MATRIX } from "./matrix";
import { apiRoutes } from "./routes";
import { teamAccessCount, teamAccessTests } from "./team-access";
import { uploadTests } from "./uploads";
import { createWorld, type World } from "./world";

/**
 * The security suite (docs/security.md): the access matrix over every /api route, the bad-input corpus over
 * every JSON body and query. One app and a few users for all of it. Test names carry the counts.
 */
let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(() => w?.t.close());

const c = matrixCounts();

describe(`route table: ${c.routes} routes in the matrix`, () => {
  it("every /api route has a row in the access matrix, and every row names a route", () => {
    const routes = apiRoutes(w.t.app);
    expect(routes.filter((r) => !(r in MATRIX)), "routes with no row in server/test/security/matrix.ts").toEqual([]);
    expect(Object.keys(MATRIX).filter((k) => !routes.includes(k)), "rows for routes that do not exist").toEqual([]);
  });
});

describe(`access matrix: ${c.owned} owned × {owner, other user, anonymous}, ${c.user} signed-in, ${c.admin} admin, ${c.public} public`, () => {
  accessTests(() => w);
});

describe(`team roles: ${teamAccessCount()} routes of shared projects × {viewer, editor, admin}`, () => {
  teamAccessTests(() => w);
});

describe(`bad-input corpus: ${corpusCount()} requests over ${c.routes} routes, never a 5xx`, () => {
  corpusTests(() => w);
});

describe("upload corpus: privacy (the hostile files: server/test/iteration/uploads.test.ts)", () => {
  uploadTests(() => w);
});
