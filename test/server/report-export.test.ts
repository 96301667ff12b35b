// Exports served from the renderings the server keeps: always the report as stored now. A report saved
// again under its id is exported anew, a deleted one is not found, and each is exactly what the
// library renders.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderReport } from "../../src/index.js";
import type { Report } from "../../src/types.js";
import { hostileReport } from "../support/hostile-report.js";
import { runFor } from "../support/stored-reports.js";
import { createTestApp, type TestServer } from "../support/test-server.js";

let app: TestServer;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app.close();
});

const save = (report: Report) => app.store.saveRun(runFor(report));

const exported = async (id: string, format: string) => {
  const response = await app.fetch(`/api/reports/${id}/export?format=${format}`);
  return { status: response.status, text: await response.text() };
};

describe("Markdown and HTML exports", () => {
  it("follow the stored report when it is saved again, and end when it is deleted", async () => {
    const first = { ...hostileReport(), id: "0b6f3c1e-6f0a-4d1c-9a55-2f0f0c3f8e21" };
    save(first);
    for (const format of ["md", "html"] as const) {
      expect(await exported(first.id, format)).toEqual({ status: 200, text: renderReport(first, format) });
      expect((await exported(first.id, format)).text).toBe(renderReport(first, format));
    }
    const second = { ...first, title: "Second version of the report" };
    save(second);
    for (const format of ["md", "html"] as const) {
      const { text } = await exported(first.id, format);
      expect(text).toBe(renderReport(second, format));
      expect(text).toContain("Second version of the report");
    }
    expect(app.store.deleteReport(first.id)).toBe(true);
    expect((await exported(first.id, "md")).status).toBe(404);
  });
});
