// robots.txt rules as sites write them: groups, wildcards, anchors, crawl delays, and hostile patterns.
import { describe, expect, it } from "vitest";
import { parseRobots } from "../../../src/stages/fetch/robots-txt.js";
import { runWithDeadline } from "../../support/deadline.js";

describe("parseRobots", () => {
  const robots = `
# comments are ignored
User-agent: *
Disallow: /private/
Allow: /private/press-releases/
Disallow: /*.pdf$
Crawl-delay: 2

User-agent: BadBot
User-agent: shirabe
Disallow: /drafts
`;

  it("applies the group naming our token instead of the * group", () => {
    const rules = parseRobots(robots, "shirabe");
    expect(rules.allows("/drafts/1")).toBe(false);
    expect(rules.allows("/private/x")).toBe(true);
    expect(rules.crawlDelaySeconds).toBeNull();
  });

  it("picks the longest matching rule, Allow winning ties, with * and $ patterns", () => {
    const rules = parseRobots(robots, "otherbot");
    expect(rules.allows("/private/secret.html")).toBe(false);
    expect(rules.allows("/private/press-releases/2025")).toBe(true);
    expect(rules.allows("/reports/annual.pdf")).toBe(false);
    expect(rules.allows("/reports/annual.pdf?download=1")).toBe(true);
    expect(rules.allows("/news/today")).toBe(true);
    expect(rules.crawlDelaySeconds).toBe(2);
    expect(parseRobots("User-agent: *\nDisallow: /a\nAllow: /a", "x").allows("/a")).toBe(true);
  });

  it("allows everything when there are no rules for us and an empty Disallow", () => {
    expect(parseRobots("", "shirabe").allows("/anything")).toBe(true);
    expect(parseRobots("User-agent: *\nDisallow:", "shirabe").allows("/anything")).toBe(true);
    expect(parseRobots("User-agent: googlebot\nDisallow: /", "shirabe").allows("/anything")).toBe(true);
  });

  it("matches non-ASCII paths against their percent-encoded form", () => {
    const rules = parseRobots("User-agent: *\nDisallow: /記事/", "shirabe");
    expect(rules.allows(new URL("https://x.test/記事/1").pathname)).toBe(false);
  });

  it("matches rules with many * and a $ the way a prefix with wildcards reads", () => {
    const rules = parseRobots("User-agent: *\nDisallow: /*a*b*c\nDisallow: /*.js$\nAllow: /*a*b*c*d$", "x");
    expect(rules.allows("/xaybzc")).toBe(false);
    expect(rules.allows("/xaybzc/more")).toBe(false);
    expect(rules.allows("/cba")).toBe(true);
    expect(rules.allows("/app.js")).toBe(false);
    expect(rules.allows("/app.js.map")).toBe(true);
    expect(rules.allows("/a-b-c-d")).toBe(true);
  });

  // The site writes the rules: a pattern of many "*" must not hang the run (it did with a backtracking
  // regex, for hours, inside one synchronous call no time limit could stop). Run in a child process so a
  // hang fails the test at the deadline instead of freezing the test runner.
  it("answers for a rule of many wildcards against a long path instead of hanging", async () => {
    const module = new URL("../../../src/stages/fetch/robots-txt.ts", import.meta.url).href;
    const code = `const { parseRobots } = await import(${JSON.stringify(module)});
      const rules = parseRobots("User-agent: *\\nDisallow: /*a*a*a*a*a*a*a*a*a*a*a*a*b", "x");
      console.log(rules.allows("/" + "a".repeat(200)), rules.allows("/" + "a".repeat(200) + "b"));`;
    const { exitCode, output } = await runWithDeadline(code);
    expect(exitCode).toBe(0);
    expect(output).toBe("true false");
  }, 30_000);
});
