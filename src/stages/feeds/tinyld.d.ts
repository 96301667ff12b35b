// tinyld ships types but its package.json "exports" does not point at them; this names the one function used.
declare module "tinyld" {
  /** ISO 639-1 code of the text's language, or "" when unsure. */
  export function detect(text: string): string;
}
