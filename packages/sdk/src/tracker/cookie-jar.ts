/** The headers of a response, as far as reading its cookies needs them. */
interface ResponseHeaders {
  get(name: string): string | null;
  getSetCookie?: () => string[];
}

/**
 * Reads every Set-Cookie header of a response. `getSetCookie` keeps them apart; a fetch without it
 * joins them with commas, which is safe to split here because the tracker's cookies carry no
 * `Expires` date (the one attribute with a comma in it).
 */
export function setCookieHeaders(headers: ResponseHeaders): string[] {
  if (typeof headers.getSetCookie === "function") return headers.getSetCookie();
  const joined = headers.get("set-cookie");
  return joined == null ? [] : joined.split(/,(?=\s*[^;,=\s]+=)/).map((cookie) => cookie.trim());
}

/**
 * The cookies one tracker has set, kept between requests so a script stays signed in after
 * `auth.signIn`, as a browser would. A client talks to one tracker, so domain and path are ignored;
 * a cookie the tracker expires (`Max-Age=0`, as on sign-out) is dropped.
 */
export class CookieJar {
  readonly #cookies = new Map<string, string>();

  /** Takes in a response's Set-Cookie headers. */
  store(setCookies: readonly string[]): void {
    for (const setCookie of setCookies) {
      const [pair = "", ...attributes] = setCookie.split(";");
      const equals = pair.indexOf("=");
      if (equals <= 0) continue;
      const name = pair.slice(0, equals).trim();
      const value = pair.slice(equals + 1).trim();
      const expired = attributes.some((attribute) =>
        /^\s*max-age\s*=\s*(0|-\d+)\s*$/i.test(attribute),
      );
      if (expired || value === "") this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
  }

  /**
   * The Cookie header to send: the cookies in `given` (a header the caller set), with this jar's
   * cookies of the same name taking their place, since the tracker set them more recently.
   */
  header(given = ""): string {
    const cookies = new Map<string, string>();
    for (const part of given.split(";")) {
      const equals = part.indexOf("=");
      if (equals > 0) cookies.set(part.slice(0, equals).trim(), part.slice(equals + 1).trim());
    }
    for (const [name, value] of this.#cookies) cookies.set(name, value);
    return [...cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}
