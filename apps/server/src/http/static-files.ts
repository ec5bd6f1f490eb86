import { createReadStream, existsSync, statSync } from "node:fs";
import type { ServerResponse } from "node:http";
import { extname, join, normalize, sep } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".json": "application/json",
  ".txt": "text/plain; charset=utf-8",
  ".webmanifest": "application/manifest+json",
};

function sendFile(res: ServerResponse, path: string, cacheControl: string): void {
  res.statusCode = 200;
  res.setHeader("Content-Type", TYPES[extname(path)] ?? "application/octet-stream");
  res.setHeader("Content-Length", statSync(path).size);
  res.setHeader("Cache-Control", cacheControl);
  createReadStream(path).pipe(res);
}

/**
 * Serves the built web client: hashed assets are cached for a year; any other path gets
 * index.html so the client's router can show it. Returns false when there is no build.
 */
export function serveWebApp(root: string, pathname: string, res: ServerResponse): boolean {
  const index = join(root, "index.html");
  if (!existsSync(index)) return false;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    decoded = "/";
  }
  const candidate = normalize(join(root, decoded));
  // Never serve anything outside the build folder, whatever the path says.
  const inside = candidate.startsWith(root + sep);
  if (inside && existsSync(candidate) && statSync(candidate).isFile()) {
    const immutable = decoded.startsWith("/assets/");
    sendFile(res, candidate, immutable ? "public, max-age=31536000, immutable" : "no-cache");
    return true;
  }
  sendFile(res, index, "no-cache");
  return true;
}
