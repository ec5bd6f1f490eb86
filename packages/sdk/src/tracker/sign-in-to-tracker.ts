import { CookieJar } from "./cookie-jar";
import { createClientWithJar, type TrackerClientOptions } from "./create-tracker-client";
import { TrackerSessionError } from "./tracker-error";
import type { TrackerOutputs } from "./tracker-io";

/**
 * Options for {@link signInToTracker}: where the tracker is, and whose account to sign in with.
 *
 * @example
 * const options: SignInToTrackerOptions = {
 *   url: "http://localhost:3000",
 *   email: "admin@northshire.example",
 *   password: "from a secret store, never the source code",
 * };
 */
export interface SignInToTrackerOptions extends TrackerClientOptions {
  readonly email: string;
  readonly password: string;
}

/**
 * A signed-in session: who signed in, and the `cookie` request header that carries the session.
 *
 * @example
 * const session: TrackerSession = {
 *   user: { id: "u1", organisationId: "o1", email: "hr@northshire.example", name: "Sam", role: "hr", staffId: null },
 *   cookie: "dapkit_session=…",
 * };
 */
export interface TrackerSession {
  readonly user: TrackerOutputs["auth"]["signIn"];
  /** The value for a `cookie` header: pass it to `createTrackerClient({ headers: { cookie } })` or to plain `fetch` calls. */
  readonly cookie: string;
}

/**
 * Signs in to a tracker from Node.js and returns the session cookie, for scripts that make several
 * clients, call the tracker's plain HTTP routes (exports, evidence downloads) or hand the session on.
 * Rejects with a `TrackerError` when the tracker refuses the email or password.
 *
 * @example
 * const { user, cookie } = await signInToTracker({ url, email, password });
 * const tracker = createTrackerClient({ url, headers: { cookie } });
 */
export async function signInToTracker(options: SignInToTrackerOptions): Promise<TrackerSession> {
  const jar = new CookieJar();
  const client = createClientWithJar(options, jar);
  const user = await client.auth.signIn.mutate({
    email: options.email,
    password: options.password,
  });
  const cookie = jar.header();
  if (cookie === "") {
    throw new TrackerSessionError(
      "The tracker signed you in but its session cookie could not be read. In a browser, use " +
        "createTrackerClient and call auth.signIn through it: the browser keeps the cookie.",
    );
  }
  return { user, cookie };
}
