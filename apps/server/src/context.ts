import type { Db } from "./db/client";
import type { SessionUser } from "./auth/session-user";
import type { SignInLimiter } from "./auth/sign-in-limiter";
import type { FileStore } from "./files/file-store";
import type { ImportRunner } from "./services/imports/import-runner";

/** Options for a cookie the server sets. */
export interface CookieOptions {
  maxAgeSeconds: number;
}

/** Lets a procedure set or clear cookies on the HTTP response (a no-op jar in tests). */
export interface CookieJar {
  set(name: string, value: string, options: CookieOptions): void;
}

/** What lives for the whole process: storage and the clock. */
export interface AppDeps {
  db: Db;
  files: FileStore;
  now: () => Date;
  /** Failed sign-ins counted per email address and per client address. */
  limiters: { email: SignInLimiter; address: SignInLimiter };
  /**
   * Where people reach the service (DAPKIT_PUBLIC_URL), for the links it makes; when left out,
   * {@link DEFAULT_PUBLIC_URL}.
   */
  publicUrl?: string;
  /**
   * The secret certificate codes are signed with (DAPKIT_CERTIFICATE_SECRET), read once at start;
   * without it the service makes no certificates rather than unsafe ones.
   */
  certificateSecret?: string;
  /**
   * Runs CSV imports on a worker thread (the server sets it); without it, as for tests' in-memory
   * databases, imports run on the calling thread.
   */
  imports?: ImportRunner;
}

/** The origin of links when no public address is set: the server's default port on this machine. */
export const DEFAULT_PUBLIC_URL = "http://localhost:3000";

/**
 * How a request proved who it is: a browser's session cookie, or a personal API token sent as
 * `Authorization: Bearer` (whose `id` is the token's, not a session's).
 */
export type SignedInVia = "cookie" | "token";

/** Facts about the request that procedures may need. */
export interface RequestInfo {
  /** The client's address, for sign-in throttling. */
  ip: string;
}

/** The context every procedure receives. */
export interface Context extends AppDeps {
  session: { id: string; user: SessionUser; via?: SignedInVia } | null;
  cookies: CookieJar;
  request: RequestInfo;
}

/**
 * Builds a context from plain values, with no HTTP involved, so tests can call procedures through
 * `createCaller` exactly as the HTTP adapter does.
 */
export function createContextInner(
  deps: AppDeps,
  options: Partial<Pick<Context, "session" | "cookies" | "request">> = {},
): Context {
  return {
    ...deps,
    session: options.session ?? null,
    cookies: options.cookies ?? { set: () => undefined },
    request: options.request ?? { ip: "127.0.0.1" },
  };
}
