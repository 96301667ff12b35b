// Reads the files of a .zip upload (stored or deflated entries), from its central directory. Sizes are
// checked before anything is inflated and again while inflating, so a zip bomb is refused, not unpacked.
import { inflateRawSync } from "node:zlib";
import { ApiError } from "./api-error.js";

export interface ZipEntry {
  name: string;
  bytes: Buffer;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

const badZip = (why: string) =>
  new ApiError(400, "bad-zip", `the .zip file cannot be read (${why}); upload the files themselves`);

export function readZip(zip: Buffer, limits: { maxFiles: number; maxFileBytes: number }): ZipEntry[] {
  // The end record sits in the last 64 KiB + 22 bytes (its comment is at most 64 KiB).
  let end = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 65_557); at--) {
    if (zip.readUInt32LE(at) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) throw badZip("no central directory");
  const count = zip.readUInt16LE(end + 10);
  if (count > limits.maxFiles) {
    throw new ApiError(
      413,
      "too-many-files",
      `the .zip holds ${count} entries; at most ${limits.maxFiles} files`,
    );
  }
  const entries: ZipEntry[] = [];
  let at = zip.readUInt32LE(end + 16);
  for (let index = 0; index < count; index++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== DIRECTORY_ENTRY) throw badZip("a damaged directory");
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString("utf8");
    at += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith("/")) continue;
    if (size > limits.maxFileBytes) {
      throw new ApiError(
        413,
        "too-large",
        `${name.slice(0, 80)} in the .zip is larger than ${limits.maxFileBytes} bytes`,
      );
    }
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== LOCAL_HEADER) throw badZip("a damaged entry");
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + compressed);
    let bytes: Buffer;
    if (method === 0) bytes = Buffer.from(data);
    else if (method === 8) {
      try {
        bytes = inflateRawSync(data, { maxOutputLength: limits.maxFileBytes });
      } catch {
        throw badZip(`${name.slice(0, 80)} does not inflate within ${limits.maxFileBytes} bytes`);
      }
    } else throw badZip(`${name.slice(0, 80)} uses an unsupported compression`);
    entries.push({ name, bytes });
  }
  return entries;
}
