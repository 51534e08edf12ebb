import type { AddressInfo } from "node:net";
import express from "express";
import { describe, expect, test } from "vitest";
import { bodyLimitFor, FORM_LIMIT } from "~/.server/upload-limits";
import { isSameOriginWrite, useRequestGuards } from "./request-guards";

const APP = "https://pd.springfield.k12.test";

// A bare Express app with the guards the production server mounts first; the
// handler behind them says whether a request got through.
async function withServer(run: (url: string) => Promise<void>) {
  const app = express();
  useRequestGuards(app, { appUrl: `${APP}/`, bodyLimitFor });
  app.all("*", (req, res) => {
    req.resume();
    req.on("end", () => res.json({ reached: true }));
  });
  const server = app.listen(0);
  await new Promise((resolve) => server.once("listening", resolve));
  try {
    await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

const form = { "Content-Type": "application/x-www-form-urlencoded" };

describe("same-origin writes", () => {
  test.each([
    [{ origin: APP }, true],
    [{ origin: APP, "sec-fetch-site": "same-origin" }, true],
    // Reached by another name than APP_URL (its IP address) in a browser that says so itself.
    [{ origin: "http://10.0.0.5:3000", host: "10.0.0.5:3000", "sec-fetch-site": "same-origin" }, true],
    // No browser says "same-origin" with an Origin that is not the Host it sent (review finding: a 500).
    [{ origin: "https://evil.example", host: "10.0.0.5:3000", "sec-fetch-site": "same-origin" }, false],
    [{ origin: "not a url", host: "10.0.0.5:3000", "sec-fetch-site": "same-origin" }, false],
    [{ host: "10.0.0.5:3000", "sec-fetch-site": "same-origin" }, true],
    [{ origin: "http://pd.springfield.k12.test" }, false],
    [{ origin: "https://pd.springfield.k12.test:8443" }, false],
    [{ origin: "https://evil.example" }, false],
    [{ origin: "https://evil.example", "sec-fetch-site": "same-site" }, false],
    [{ origin: "null" }, false],
    [{ "sec-fetch-site": "cross-site" }, false],
    [{ "sec-fetch-site": "none" }, false],
    [{}, false],
  ])("%j → %s", (headers, allowed) => {
    expect(isSameOriginWrite(headers, APP)).toBe(allowed);
  });

  test("a cross-origin form post gets a readable page, a program gets JSON; neither reaches the route", async () => {
    await withServer(async (url) => {
      const page = await fetch(`${url}/events/new`, {
        method: "POST",
        headers: { ...form, Origin: "http://pd.springfield.k12.test:8080", Accept: "text/html,application/xhtml+xml" },
        body: "name=Hijacked",
      });
      expect(page.status).toBe(403);
      expect(page.headers.get("content-type")).toMatch(/^text\/html/);
      const html = await page.text();
      expect(html).toContain("<h1>This form came from another site</h1>");
      expect(html).toContain(
        `only accepts forms sent from its own pages at ${APP}; this one came from http://pd.springfield.k12.test:8080`,
      );
      expect(html).toContain('<html lang="en">');

      for (const [path, headers] of [
        ["/events/demo/kiosk/sync", { "Content-Type": "text/plain" }],
        ["/login?_data=routes%2Flogin", { ...form, Accept: "text/html" }],
        ["/events/demo/rooms.data", { ...form, Accept: "text/html" }],
        ["/e/demo/picks", form],
        ["/logout", form],
      ] as const) {
        const res = await fetch(`${url}${path}`, { method: "POST", headers, body: "{}" });
        expect(res.status, path).toBe(403);
        expect(await res.json(), path).toEqual({ message: expect.stringContaining("did not say where it came from") });
      }
      // PUT, DELETE, PATCH and OPTIONS reach actions too.
      for (const method of ["PUT", "DELETE", "PATCH", "OPTIONS"]) {
        expect((await fetch(`${url}/events/demo`, { method })).status, method).toBe(403);
      }
    });
  });

  test("reads pass without an Origin; writes from Dropin's own pages pass", async () => {
    await withServer(async (url) => {
      expect(await (await fetch(`${url}/events/demo`)).json()).toEqual({ reached: true });
      expect((await fetch(`${url}/events/demo`, { method: "HEAD" })).status).toBe(200);
      const own = await fetch(`${url}/events/demo/rooms`, {
        method: "POST",
        headers: { ...form, Origin: APP },
        body: "intent=create",
      });
      expect(await own.json()).toEqual({ reached: true });
    });
  });
});

describe("body limits", () => {
  test("forms get 1 MB; the photo, roster and resource-file uploads what their files need", () => {
    expect(bodyLimitFor("/login").bytes).toBe(FORM_LIMIT);
    expect(bodyLimitFor("/events/demo/kiosk/sync").bytes).toBe(FORM_LIMIT);
    expect(bodyLimitFor("/events/demo/rooms").bytes).toBe(FORM_LIMIT);
    expect(bodyLimitFor("/vendor/v1").bytes).toBe(3_048_576);
    expect(bodyLimitFor("/vendor/v1.data").bytes).toBe(3_048_576);
    expect(bodyLimitFor("/vendor/v1/donations/d1/photo").bytes).toBe(FORM_LIMIT);
    expect(bodyLimitFor("/events/demo/roster").bytes).toBe(8 * 1024 * 1024);
    expect(bodyLimitFor("/events/demo/roster.data").bytes).toBe(8 * 1024 * 1024);
    expect(bodyLimitFor("/e/demo/sessions/p1/takeaways").bytes).toBe(11_048_576);
    expect(bodyLimitFor("/e/demo/sessions/p1/takeaways.data").bytes).toBe(11_048_576);
    expect(bodyLimitFor("/e/demo/sessions/p1").bytes).toBe(FORM_LIMIT);
  });

  test("an oversized body is refused with 413 before it is read", async () => {
    await withServer(async (url) => {
      const post = (path: string, bytes: number, accept = "text/html") =>
        fetch(`${url}${path}`, {
          method: "POST",
          headers: { ...form, Origin: APP, Accept: accept },
          body: "a".repeat(bytes),
        });
      const big = await post("/login", FORM_LIMIT + 1);
      expect(big.status).toBe(413);
      expect(await big.text()).toContain("This was more than Dropin accepts here (1 MB, room for a form)");
      expect((await post("/login", FORM_LIMIT)).status).toBe(200);
      expect((await post("/vendor/v1", 2_500_000)).status).toBe(200);
      const photo = await post("/vendor/v1.data", 3_100_000, "*/*");
      expect(photo.status).toBe(413);
      expect(await photo.json()).toEqual({ message: expect.stringContaining("room for a photo of at most 2 MB") });
      expect((await post("/events/demo/roster", 6_000_000)).status).toBe(200);
    });
  });

  test("a body of unknown length is refused (411); browsers always send one", async () => {
    await withServer(async (url) => {
      const body = new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode("email=a%40b.test"));
          controller.close();
        },
      });
      const res = await fetch(`${url}/login`, {
        method: "POST",
        headers: { ...form, Origin: APP },
        body,
        duplex: "half",
      } as RequestInit);
      expect(res.status).toBe(411);
    });
  });
});

test("an address with a broken %-escape is a 400, not a crash further in", async () => {
  await withServer(async (url) => {
    for (const path of ["/e/%ZZ", "/e/%", "/events/%E0%A4%A/kiosk"]) {
      const res = await fetch(`${url}${path}`, { headers: { Accept: "text/html" } });
      expect(res.status, path).toBe(400);
      expect(await res.text()).toContain("This address is not valid");
    }
    expect((await fetch(`${url}/e/caf%C3%A9`)).status).toBe(200);
  });
});
