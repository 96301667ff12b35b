import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { renderHtml } from "../../../src/stages/render/render-html.js";
import { hostileReport } from "../../support/hostile-report.js";

describe("renderHtml", () => {
  it("escapes source text, links citations to the reference list and never links a javascript: URL", () => {
    const html = renderHtml(hostileReport());
    const { document } = new JSDOM(html).window;
    expect(document.querySelectorAll("script")).toHaveLength(0);
    expect(document.querySelectorAll("b, i")).toHaveLength(0);
    expect(document.body.textContent).toContain('<script>alert("x")</script>');
    expect(document.documentElement.getAttribute("lang")).toBe("en");
    expect(document.querySelector("h1")?.textContent).toBe("Report <i>x</i>");
    const cites = [...document.querySelectorAll("a.cite")].map((a) => a.getAttribute("href"));
    expect(cites).toEqual(["#ref-1", "#ref-1", "#ref-2"]);
    expect(document.getElementById("ref-1")?.querySelector("a")?.getAttribute("href")).toBe(
      "https://x.test/a",
    );
    expect(document.getElementById("ref-2")?.querySelector("a")).toBeNull();
    expect(document.querySelector("q.quotation")?.textContent).toBe(
      "\u201cAnother source says chips got cheaper this year.\u201d",
    );
    expect(document.querySelector("footer")?.textContent).toContain("3 claims, 3 supported");
    expect(html).toContain("@media print");
  });
});
