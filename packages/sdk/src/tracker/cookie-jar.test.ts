import { expect, test } from "vitest";

import { CookieJar, setCookieHeaders } from "./cookie-jar";

test("keeps the cookies a response sets and sends them back", () => {
  const jar = new CookieJar();
  jar.store(["dapkit_session=abc; Path=/; HttpOnly; SameSite=Lax; Max-Age=43200", "theme=dark"]);
  expect(jar.header()).toBe("dapkit_session=abc; theme=dark");
});

test("drops a cookie the tracker expires or empties, as on sign-out", () => {
  const jar = new CookieJar();
  jar.store(["dapkit_session=abc", "a=1", "b=2"]);
  jar.store(["dapkit_session=; Path=/; Max-Age=0", "a=; Path=/", "b=2; Max-Age=-1"]);
  expect(jar.header()).toBe("");
});

test("ignores a Set-Cookie header without a name", () => {
  const jar = new CookieJar();
  jar.store(["=nameless", "novalue", ""]);
  expect(jar.header()).toBe("");
});

test("merges its cookies over a cookie header the caller gave", () => {
  const jar = new CookieJar();
  jar.store(["dapkit_session=new"]);
  expect(jar.header("dapkit_session=old; proxy=xyz; junk")).toBe("dapkit_session=new; proxy=xyz");
});

test("reads Set-Cookie headers one by one where fetch can, and splits a joined header otherwise", () => {
  const separate = new Headers([
    ["set-cookie", "a=1; Max-Age=10"],
    ["set-cookie", "b=2"],
  ]);
  expect(setCookieHeaders(separate)).toEqual(["a=1; Max-Age=10", "b=2"]);
  const joined = { get: (name: string) => (name === "set-cookie" ? "a=1; Max-Age=10, b=2" : null) };
  expect(setCookieHeaders(joined)).toEqual(["a=1; Max-Age=10", "b=2"]);
  expect(setCookieHeaders({ get: () => null })).toEqual([]);
});
