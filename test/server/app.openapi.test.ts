// docs/openapi.json cannot drift from the code: it must be exactly what the route schemas generate.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "../../src/server/app.js";

describe("docs/openapi.json is generated from the routes' schemas", () => {
  it("matches what scripts/write-openapi.ts writes today (run it after changing a route)", () => {
    const committed = JSON.parse(readFileSync(new URL("../../docs/openapi.json", import.meta.url), "utf8"));
    expect(committed).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
  });

  it("documents every route, with the API's error body", () => {
    const document = openApiDocument();
    expect(Object.keys(document.paths).sort()).toEqual([
      "/api/feeds",
      "/api/feeds/{feedId}",
      "/api/feeds/{feedId}/items",
      "/api/feeds/{feedId}/poll",
      "/api/queue",
      "/api/queue/retry",
      "/api/reports",
      "/api/reports.atom",
      "/api/reports/{id}",
      "/api/reports/{id}/cancel",
      "/api/reports/{id}/events",
      "/api/reports/{id}/export",
      "/login",
      "/logout",
    ]);
    expect(document.components?.schemas).toHaveProperty("Error");
  });
});
