// What a progress display sees while a report is written: each section as it is done, and the counts of
// claims checked against their sources, ending with the counts the report itself states.
import { resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHttpClient, createReport, type ProgressEvent } from "../src/index.js";
import { createLlmWriter } from "../src/llm-writer.js";
import { fakeClient } from "./support/fake-llm-client.js";
import { type FakeLlmServer, startFakeLlmServer } from "./support/fake-llm-server.js";
import { scriptedAnswer, taskOf } from "./support/scripted-model.js";

const EXAMPLE = resolve(import.meta.dirname, "../examples/china-ai/article.html");

type Of<T extends ProgressEvent["type"]> = Extract<ProgressEvent, { type: T }>;
const ofType = <T extends ProgressEvent["type"]>(events: ProgressEvent[], type: T) =>
  events.filter((event): event is Of<T> => event.type === type);

let server: FakeLlmServer;
beforeEach(async () => {
  server = await startFakeLlmServer({ responder: scriptedAnswer });
});
afterEach(async () => {
  await server.close();
});

describe("progress events while writing", () => {
  it("the LLM engine reports each sub-section, the introduction and conclusion, and the claims it checked", async () => {
    const events: ProgressEvent[] = [];
    const writer = createLlmWriter({ llm: fakeClient(server.baseURL), outlinePassages: 24 });
    const { report } = await createReport({
      input: EXAMPLE,
      lang: "ja",
      deps: { http: createHttpClient({}) },
      writer,
      onProgress: (event) => events.push(event),
    });

    const sections = ofType(events, "section");
    const subsections = sections.filter((event) => event.framing === undefined);
    const written = server.requests.filter((request) => taskOf(request) === "section").length;
    expect(written).toBeGreaterThanOrEqual(2);
    expect(subsections).toHaveLength(written);
    const headings = report.sections.flatMap((section) => section.subsections.map((sub) => sub.heading));
    for (const heading of headings) expect(subsections.map((event) => event.heading)).toContain(heading);
    expect(
      sections
        .map((event) => event.framing)
        .filter(Boolean)
        .sort(),
    ).toEqual(["conclusion", "introduction"]);
    // Numbered in the order they finish, out of a total known from the outline.
    expect(sections.map((event) => event.done)).toEqual(sections.map((_, index) => index + 1));
    for (const event of sections) expect(event.total).toBe(sections.length);

    const citations = ofType(events, "citations");
    const running = citations.filter((event) => !event.final);
    expect(running.length).toBeGreaterThanOrEqual(written);
    const final = citations.at(-1);
    expect(final?.final).toBe(true);
    const { type: _type, final: _final, ...counts } = final as Of<"citations">;
    expect(counts).toEqual(report.grounding);
    // Sections come during the write stage; the final counts after it.
    const writeDone = events.findIndex((event) => event.type === "stage-done" && event.stage === "write");
    expect(events.indexOf(sections.at(-1) as ProgressEvent)).toBeLessThan(writeDone);
    expect(events.indexOf(final as ProgressEvent)).toBeGreaterThan(writeDone);
  });

  it("the extractive engine reports one event per section of its report, then the report's counts", async () => {
    const events: ProgressEvent[] = [];
    const { report } = await createReport({
      input: EXAMPLE,
      lang: "ja",
      deps: { http: createHttpClient({}) },
      onProgress: (event) => events.push(event),
    });
    const sections = ofType(events, "section");
    expect(sections.map((event) => event.heading)).toEqual(report.sections.map((section) => section.heading));
    expect(sections.at(-1)?.done).toBe(report.sections.length);
    const citations = ofType(events, "citations");
    expect(citations).toHaveLength(1);
    const { type: _type, final, ...counts } = citations[0] as Of<"citations">;
    expect(final).toBe(true);
    expect(counts).toEqual(report.grounding);
    expect(counts.claims).toBeGreaterThan(0);
  });
});
