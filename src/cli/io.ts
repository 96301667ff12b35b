// What a command may touch of the outside world; tests pass their own to run the CLI in-process.
// Text from pages reaches the terminal only through terminalText or jsonLine: a control character in a
// title would otherwise drive the terminal (move the cursor, rewrite lines, set the window title).
import { stripControlCharacters } from "../text/control-characters.js";

export interface CliIo {
  /** Text, or the bytes of a binary format (DOCX) when stdout is not a terminal. */
  stdout: { write(chunk: string | Uint8Array): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

export const processIo: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env };

/** Text for the terminal: control characters other than line feed and tab removed. */
export function terminalText(text: string): string {
  return stripControlCharacters(text);
}

/**
 * JSON text for the terminal. JSON.stringify escapes C0 controls but writes DEL and C1 controls raw;
 * raw, they can only sit inside strings, where a \u escape keeps the value and spares the terminal.
 */
function terminalJson(json: string): string {
  return json.replace(/[\u007F-\u009F]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** One JSON value on one line, safe for the terminal. */
export function jsonLine(value: unknown): string {
  return `${terminalJson(JSON.stringify(value))}\n`;
}

/** A rendered report (md, html or json) for the terminal, ending in a line feed. */
export function terminalDocument(rendered: string, format: string): string {
  const safe = format === "json" ? terminalJson(rendered) : terminalText(rendered);
  return safe.endsWith("\n") ? safe : `${safe}\n`;
}
