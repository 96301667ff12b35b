// Uploaded files go to a private temp folder per job, laid out as the user's folder was (so an article
// finds the sibling pages it links to), and are removed when the job ends. The folder's name carries
// the server's process id, so a server started after a kill -9 can remove what a dead one left.
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, extname, join } from "node:path";
import { ApiError } from "./api-error.js";
import type { JobRequest } from "./job-types.js";
import { readZip } from "./zip-reader.js";

const ARTICLE_TYPES = [".html", ".htm", ".md", ".markdown", ".txt"];
export const MAX_FILES = 50;
const PREFIX = "shirabe-upload-";
const bad = (code: string, message: string) => new ApiError(400, code, message);

interface Upload {
  /** Relative path inside the upload folder, each segment made safe. */
  path: string;
  bytes: Buffer;
}

/** A relative path kept only as safe segments: no "..", no absolute root, no odd characters. */
function safePath(name: string): string {
  return name
    .split(/[\\/]/)
    .filter((segment) => segment !== "" && segment !== "." && segment !== "..")
    .map((segment) => segment.replace(/[^\p{L}\p{N}._-]+/gu, "_").slice(0, 100))
    .slice(-6)
    .join("/");
}

const isArticleType = (path: string) => ARTICLE_TYPES.includes(extname(path).toLowerCase());

async function collect(files: File[], maxFileBytes: number): Promise<Upload[]> {
  if (files.length > MAX_FILES) {
    throw new ApiError(413, "too-many-files", `${files.length} files sent; at most ${MAX_FILES} per report`);
  }
  const uploads: Upload[] = [];
  for (const file of files) {
    if (file.size > maxFileBytes) {
      throw new ApiError(
        413,
        "too-large",
        `${safePath(file.name)} is larger than ${maxFileBytes} bytes; upload a smaller file`,
      );
    }
    const bytes = Buffer.from(await file.arrayBuffer());
    if (extname(file.name).toLowerCase() === ".zip") {
      const entries = readZip(bytes, { maxFiles: MAX_FILES, maxFileBytes });
      for (const entry of entries) uploads.push({ path: safePath(entry.name), bytes: entry.bytes });
    } else uploads.push({ path: safePath(file.name), bytes });
  }
  return uploads.filter((upload) => upload.path !== "" && isArticleType(upload.path));
}

/** The article among the uploads: the one named, the only one, article.* / index.*, or the first. */
function pickArticle(uploads: Upload[], named: string | undefined): Upload {
  if (named !== undefined && named !== "") {
    const wanted = safePath(named);
    const found = uploads.find((upload) => upload.path === wanted || upload.path.endsWith(`/${wanted}`));
    if (!found)
      throw bad(
        "bad-file",
        `article "${named.slice(0, 80)}" is not among the uploaded HTML, Markdown or text files`,
      );
    return found;
  }
  const byName = (stem: string) =>
    uploads
      .filter((upload) => new RegExp(`(^|/)${stem}\\.[a-z]+$`, "i").test(upload.path))
      .sort((a, b) => a.path.split("/").length - b.path.split("/").length)[0];
  return byName("article") ?? byName("index") ?? (uploads[0] as Upload);
}

export async function saveUploads(
  files: File[],
  named: string | undefined,
  maxFileBytes: number,
): Promise<Pick<JobRequest, "input" | "label" | "uploadDir" | "cleanup">> {
  const uploads = await collect(files, maxFileBytes);
  if (uploads.length === 0) {
    throw bad(
      "bad-file-type",
      `upload HTML, Markdown or text files (${ARTICLE_TYPES.join(", ")}), a folder of them or a .zip`,
    );
  }
  const article = pickArticle(uploads, named);
  if (article.bytes.length === 0 || article.bytes.toString("utf8").trim() === "") {
    throw bad("empty-file", `${article.path.split("/").pop()} is empty; choose the saved article itself`);
  }
  const folder = await mkdtemp(join(tmpdir(), `${PREFIX}${process.pid}-`));
  try {
    for (const upload of uploads) {
      const path = join(folder, upload.path);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, upload.bytes);
    }
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
  return {
    input: join(folder, article.path),
    label: article.path.split("/").pop() as string,
    uploadDir: folder,
    cleanup: () => rm(folder, { recursive: true, force: true }),
  };
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Removes upload folders whose server process is gone (killed before it could clean up). */
export async function removeStaleUploads(folder: string = tmpdir()): Promise<number> {
  let removed = 0;
  const names = await readdir(folder).catch(() => [] as string[]);
  for (const name of names) {
    const pid = Number(/^shirabe-upload-(\d+)-/.exec(name)?.[1]);
    if (!Number.isInteger(pid) || pid === process.pid || processAlive(pid)) continue;
    await rm(join(folder, name), { recursive: true, force: true });
    removed += 1;
  }
  return removed;
}
