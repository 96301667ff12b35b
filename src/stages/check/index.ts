// The check stage: a Markdown report's violations of the seed format, optionally against its sources.
export { type CheckOptions, checkReport, type Violation } from "./check-report.js";
