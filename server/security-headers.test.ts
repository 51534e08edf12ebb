import type { AddressInfo } from "node:net";
import express from "express";
import { describe, expect, test } from "vitest";
import { EnvError, parseEnv } from "~/utils/env.server";
import { getLoadContext, useSecurityHeaders } from "./security-headers";

// A bare Express app with the same middleware the production server uses; the page
// echoes what Remix would get as load context.
async function withServer(trustProxy: boolean | number | string, run: (url: string) => Promise<void>) {
  const app = express();
  useSecurityHeaders(app, { trustProxy });
  app.get("/", (req, res) => {
    res.json(getLoadContext(req, res));
  });
  const server = app.listen(0);
  await new Promise((resolve) => server.once("listening", resolve));
  try {
    await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

describe("security headers", () => {
  test("a fresh nonce per response, in the CSP and the load context", async () => {
    await withServer(false, async (url) => {
      const [a, b] = [await fetch(url), await fetch(url)];
      const nonces = [];
      for (const response of [a, b]) {
        const csp = response.headers.get("content-security-policy") ?? "";
        const context = (await response.json()) as { cspNonce: string; clientIp: string };
        expect(context.cspNonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
        expect(csp).toContain(`script-src 'self' 'nonce-${context.cspNonce}'`);
        expect(context.clientIp).toMatch(/127\.0\.0\.1$/);
        nonces.push(context.cspNonce);
      }
      expect(nonces[0]).not.toBe(nonces[1]);
      const csp = a.headers.get("content-security-policy") ?? "";
      for (const directive of [
        "default-src 'self'",
        "frame-ancestors 'none'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "img-src 'self' data: blob:",
        "connect-src 'self'",
      ]) {
        expect(csp).toContain(directive);
      }
      expect(csp).not.toContain("unsafe-eval");
      expect(csp).not.toContain("upgrade-insecure-requests");
      expect(a.headers.get("x-frame-options")).toBe("DENY");
      expect(a.headers.get("referrer-policy")).toBe("same-origin");
      expect(a.headers.get("x-content-type-options")).toBe("nosniff");
    });
  });

  test("no HSTS over plain http, and a forged X-Forwarded-Proto does not count without TRUST_PROXY", async () => {
    await withServer(false, async (url) => {
      expect((await fetch(url)).headers.get("strict-transport-security")).toBeNull();
      const forged = await fetch(url, { headers: { "X-Forwarded-Proto": "https", "X-Forwarded-For": "198.51.100.9" } });
      expect(forged.headers.get("strict-transport-security")).toBeNull();
      expect(((await forged.json()) as { clientIp: string }).clientIp).not.toContain("198.51.100.9");
    });
  });

  test("behind a trusted proxy: HSTS for https, and the client IP from X-Forwarded-For", async () => {
    await withServer("loopback", async (url) => {
      const response = await fetch(url, {
        headers: { "X-Forwarded-Proto": "https", "X-Forwarded-For": "198.51.100.9" },
      });
      expect(response.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
      expect(((await response.json()) as { clientIp: string }).clientIp).toBe("198.51.100.9");
      expect((await fetch(url)).headers.get("strict-transport-security")).toBeNull();
    });
  });
});

test("TRUST_PROXY: off unless set; hops, addresses and subnets as Express takes them; nonsense stops boot", () => {
  const trust = (value: string | undefined) =>
    parseEnv({ TRUST_PROXY: value, SESSION_SECRET: "s".repeat(40), DATABASE_URL: "file:./tests/.tmp/unused.db" })
      .TRUST_PROXY;
  expect(trust(undefined)).toBe(false);
  expect(trust(" ")).toBe(false);
  expect(trust("false")).toBe(false);
  expect(trust("true")).toBe(true);
  expect(trust("1")).toBe(1);
  expect(trust("loopback")).toBe("loopback");
  expect(trust("10.0.0.0/8, 192.168.1.4, ::1")).toBe("10.0.0.0/8, 192.168.1.4, ::1");
  expect(() => trust("yes please")).toThrow(EnvError);
  expect(() => trust("10.0.0.0/8/1")).toThrow(/TRUST_PROXY/);
});
