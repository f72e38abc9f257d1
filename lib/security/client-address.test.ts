import { describe, expect, it } from "vitest";
import { clientAddress, peerAddress } from "./client-address";

// server.mjs's header, as it writes it: the start-up secret, then the socket's address.
const SECRET = "secret-made-at-start";
const withPeer = (address: string, forwarded?: string) =>
  new Headers({ "x-shelf-peer": `${SECRET} ${address}`, ...(forwarded ? { "x-forwarded-for": forwarded } : {}) });

describe("peerAddress", () => {
  it("reads server.mjs's header only with its secret", () => {
    expect(peerAddress(withPeer("203.0.113.4"), SECRET)).toBe("203.0.113.4");
    expect(peerAddress(new Headers({ "x-shelf-peer": "guessed 203.0.113.4" }), SECRET)).toBeNull();
    expect(peerAddress(new Headers({ "x-shelf-peer": "203.0.113.4" }), SECRET)).toBeNull();
    // Run without server.mjs (no secret): the header means nothing, whoever sent it.
    expect(peerAddress(withPeer("203.0.113.4"), "")).toBeNull();
  });
});

describe("clientAddress", () => {
  process.env.SHELF_PEER_SECRET = SECRET;

  it("with no trusted proxy, is the socket's address whatever X-Forwarded-For says", () => {
    for (const forwarded of ["198.51.100.1", "198.51.100.2, 198.51.100.3", "", "not an address"]) {
      expect(clientAddress(withPeer("203.0.113.4", forwarded), 0)).toBe("203.0.113.4");
    }
  });

  it("takes the Nth address from the right behind N proxies, ignoring what the client wrote on the left", () => {
    expect(clientAddress(withPeer("10.0.0.2", "198.51.100.1, 203.0.113.7"), 1)).toBe("203.0.113.7");
    expect(clientAddress(withPeer("10.0.0.2", "spoofed, 203.0.113.7, 10.0.0.1"), 2)).toBe("203.0.113.7");
    // Two X-Forwarded-For headers arrive joined with ", ", in order.
    const joined = new Headers([["x-shelf-peer", `${SECRET} 10.0.0.2`], ["x-forwarded-for", "198.51.100.1"], ["x-forwarded-for", "203.0.113.7"]]);
    expect(clientAddress(joined, 1)).toBe("203.0.113.7");
  });

  it("keys a request that skipped the proxies (too few forwarded addresses) on its socket", () => {
    expect(clientAddress(withPeer("203.0.113.4"), 1)).toBe("203.0.113.4");
    expect(clientAddress(withPeer("203.0.113.4", "198.51.100.1"), 2)).toBe("203.0.113.4");
  });

  it("without server.mjs, puts every client under one key rather than believe a header", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "198.51.100.1", "x-real-ip": "198.51.100.2" }), 0)).toBe("unknown");
  });
});
