import { createHash, randomUUID } from "node:crypto";
import {
  createReadStream,
  createWriteStream,
  existsSync,
  readFile,
  type ReadStream,
} from "node:fs";
import { mkdir, open, readdir, rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { Transform, type Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { promisify } from "node:util";

import { AppError } from "../errors";

/** A file the store holds, named by the sha256 of its contents. */
export interface StoredFile {
  sha256: string;
  sizeBytes: number;
}

const SHA256 = /^[0-9a-f]{64}$/;

// The callback form: for a small file, fs/promises' FileHandle costs more than the read.
const readFileAsync = promisify(readFile);

/**
 * Content-addressed file storage under one directory: `<root>/<first two hex>/<sha256>`.
 * Files are written to `<root>/tmp` first, flushed to disk and renamed into place, so a crash
 * never leaves a half-written file under its final name.
 */
export class FileStore {
  readonly root: string;

  constructor(root: string) {
    this.root = root;
  }

  private get tmpDir(): string {
    return join(this.root, "tmp");
  }

  /** Where a file with this hash lives. */
  pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new AppError("bad_request", "Not a sha256 file name");
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  /** Whether a file with this hash is stored. */
  has(sha256: string): boolean {
    return existsSync(this.pathOf(sha256));
  }

  /** Streams a stored file. */
  read(sha256: string): ReadStream {
    return createReadStream(this.pathOf(sha256));
  }

  /** Reads a stored file whole: for small files, where a stream's steps cost more than the bytes. */
  readWhole(sha256: string): Promise<Buffer> {
    return readFileAsync(this.pathOf(sha256));
  }

  /** Opens a file in `tmp` to write an upload to (a test makes it fail as a full disk would). */
  protected openTmp(path: string): Writable {
    return createWriteStream(path);
  }

  /** Stores a stream, refusing it once it passes `maxBytes` and when it is empty. */
  async put(source: Readable, options: { maxBytes: number }): Promise<StoredFile> {
    await mkdir(this.tmpDir, { recursive: true });
    const tmpPath = join(this.tmpDir, randomUUID());
    const hash = createHash("sha256");
    let sizeBytes = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        sizeBytes += chunk.length;
        if (sizeBytes > options.maxBytes) {
          callback(
            new AppError(
              "payload_too_large",
              `The file is larger than the limit of ${Math.floor(options.maxBytes / (1024 * 1024))} MB`,
            ),
          );
          return;
        }
        hash.update(chunk);
        callback(null, chunk);
      },
    });
    try {
      await pipeline(source, meter, this.openTmp(tmpPath));
      if (sizeBytes === 0)
        throw new AppError("bad_request", "The file is empty", { field: "file" });
      const handle = await open(tmpPath, "r");
      await handle.sync().finally(() => handle.close());
      const sha256 = hash.digest("hex");
      const finalPath = this.pathOf(sha256);
      await mkdir(join(this.root, sha256.slice(0, 2)), { recursive: true });
      // Same contents, same name: an existing copy is already complete, so keep it.
      if (existsSync(finalPath)) await rm(tmpPath, { force: true });
      else await rename(tmpPath, finalPath);
      return { sha256, sizeBytes };
    } catch (error) {
      await rm(tmpPath, { force: true });
      throw error;
    }
  }

  /**
   * Removes what a crash can leave behind: partial uploads in `tmp`, and stored files that no
   * revision refers to (written, but the process died before the database recorded them).
   */
  async sweep(referenced: ReadonlySet<string>): Promise<{ removed: number }> {
    let removed = 0;
    if (!existsSync(this.root)) return { removed };
    for (const entry of await readdir(this.root)) {
      const dir = join(this.root, entry);
      if (!(await stat(dir)).isDirectory()) continue;
      for (const name of await readdir(dir)) {
        if (entry === "tmp" || !referenced.has(name)) {
          await rm(join(dir, name), { force: true });
          removed += 1;
        }
      }
    }
    return { removed };
  }
}
