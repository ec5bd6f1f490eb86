import type { IncomingMessage } from "node:http";

import { describe, expect, test } from "vitest";

import { clientAddress } from "./request-context";

function request(forwarded?: string | string[]): IncomingMessage {
  return {
    headers: forwarded === undefined ? {} : { "x-forwarded-for": forwarded },
    socket: { remoteAddress: "10.0.0.1" },
  } as unknown as IncomingMessage;
}

describe("clientAddress", () => {
  test("without a trusted proxy, the connection's address, whatever the headers say", () => {
    expect(clientAddress(request("1.2.3.4"), { trustProxy: false })).toBe("10.0.0.1");
  });

  test("behind one proxy, the right-most entry: the one the proxy added", () => {
    const options = { trustProxy: true };
    expect(clientAddress(request("1.2.3.4, 198.51.100.7"), options)).toBe("198.51.100.7");
    expect(clientAddress(request("198.51.100.7"), options)).toBe("198.51.100.7");
    expect(clientAddress(request(["1.2.3.4", "198.51.100.7"]), options)).toBe("198.51.100.7");
    // A proxy that added nothing: the connection is all there is to go on.
    expect(clientAddress(request(), options)).toBe("10.0.0.1");
  });

  test("behind a chain of proxies, as many entries from the right as there are proxies", () => {
    const forwarded = "6.6.6.6, 198.51.100.7, 10.0.0.2";
    expect(clientAddress(request(forwarded), { trustProxy: true, proxyHops: 2 })).toBe(
      "198.51.100.7",
    );
    // Fewer entries than proxies: the left-most there is, never beyond it.
    expect(clientAddress(request("198.51.100.7"), { trustProxy: true, proxyHops: 3 })).toBe(
      "198.51.100.7",
    );
  });
});
