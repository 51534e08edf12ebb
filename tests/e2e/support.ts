// Shared e2e helpers: direct database access to the server's SQLite file (to set
// up users without clicking through sign-up each time), a signed-in page fixture
// that inserts a session row and sets the cookie, and an axe check.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { test as base, expect, type Page } from "@playwright/test";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@prisma/client";
import bcrypt from "bcryptjs";
import { sessionCookie } from "../support/session-cookie";

// Set by playwright.config.ts (workers inherit it): the empty-install server's database.
const FRESH_DB = process.env.E2E_FRESH_DB ?? "tests/.tmp/e2e-3100/fresh.db";

let client: PrismaClient | undefined;
export function db() {
  client ??= new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${FRESH_DB}`, timeout: 5000 }) });
  return client;
}

let counter = 0;
export function unique(label: string) {
  counter += 1;
  return `${label}-${process.pid}-${Date.now().toString(36)}-${counter}`;
}

export async function createUser(options: { name?: string; password?: string; districtCoordinator?: boolean } = {}) {
  const email = `${unique("teacher")}@springfield.k12.test`.toLowerCase();
  return db().user.create({
    data: {
      email,
      name: options.name ?? "Maria Lopez",
      isDistrictCoordinator: options.districtCoordinator ?? false,
      emailVerifiedAt: new Date(),
      password: options.password ? { create: { hash: await bcrypt.hash(options.password, 4) } } : undefined,
    },
  });
}

export async function createEvent(
  coordinatorId: string,
  overrides: { name?: string; status?: string; doorsOpenAt?: string | null } = {},
) {
  const slug = unique("pd-day");
  return db().event.create({
    data: {
      slug,
      name: overrides.name ?? "Winter Tech Exchange",
      date: "2027-02-13",
      startTime: "08:00",
      endTime: "14:30",
      timeZone: "America/Chicago",
      status: overrides.status ?? "draft",
      // Doors open long ago: specs that check people in "now" meet an open door.
      doorsOpenAt: overrides.doorsOpenAt === undefined ? "2000-01-01T00:00" : overrides.doorsOpenAt,
      memberships: { create: { userId: coordinatorId, role: "coordinator" } },
    },
  });
}

export async function addMember(eventId: string, userId: string, role: string) {
  return db().membership.create({ data: { eventId, userId, role } });
}

/** The Cookie header of a browser signed in as `userId` on the suite's servers (for plain HTTP requests). */
export async function cookieFor(userId: string) {
  const session = await db().session.create({
    data: { userId, expiresAt: new Date(Date.now() + 24 * 60 * 60 * 1000) },
  });
  const secret = fs.readFileSync(path.join(path.dirname(FRESH_DB), "session-secret"), "utf8").trim();
  return sessionCookie(session.id, secret);
}

/** Sign in through the sign-in page with a password (the demo install's logins); lands on "PD days". */
export async function signInWithPassword(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "PD days" })).toBeVisible();
}

/** Sign a page in as `userId` the way the app does: a session row plus the signed cookie. */
export async function signIn(page: Page, userId: string, baseURL: string) {
  const value = (await cookieFor(userId)).slice("__dropin_session=".length);
  await page.context().addCookies([{ name: "__dropin_session", value, url: baseURL, httpOnly: true, sameSite: "Lax" }]);
}

/** WCAG 2.1 A/AA rules; fails with the rule ids and offending nodes so the fix is obvious. */
// The minified build parses in half the time of axe.js. The suite checks about 200
// pages, and parsing axe was the largest part of each check, so axe goes into a
// document once: a later check of the same document (after a client-side navigation
// or an action) reuses it. @axe-core/playwright's AxeBuilder injected it twice per
// check (once to probe, once per frame); no Dropin page has a frame, so axe.run in
// the page itself (the builder's "legacy mode") sees everything.
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const AXE_OPTIONS = {
  runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
  // Every node only for what the check reads; passes and inapplicable rules are
  // reported with one node each, which spares axe collecting and sending the rest.
  resultTypes: ["violations", "incomplete"],
};
type AxeResults = Pick<import("axe-core").AxeResults, "violations" | "incomplete">;

async function runAxe(page: Page): Promise<AxeResults> {
  // Evaluated as a string through the DevTools protocol, so the page's CSP (which
  // allows no eval and no inline script without its nonce) does not apply.
  if (!(await page.evaluate("typeof window.axe === 'object'"))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    (options) =>
      (window as unknown as { axe: typeof import("axe-core") }).axe
        .run(document, options as import("axe-core").RunOptions)
        .then(({ violations, incomplete }) => ({ violations, incomplete })),
    AXE_OPTIONS,
  );
}

export async function expectAccessible(page: Page) {
  const results = await runAxe(page);
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).join("\n    ")}`,
  );
  // axe files text it measures at 1:1 (e.g. white links on a white card) under
  // "incomplete", assuming it is hidden on purpose. Any measured ratio below the
  // required one is a real failure for us.
  for (const check of results.incomplete.filter((v) => v.id === "color-contrast")) {
    for (const node of check.nodes) {
      const data = node.any[0]?.data as { contrastRatio?: number; expectedContrastRatio?: string } | undefined;
      const expected = Number.parseFloat(data?.expectedContrastRatio ?? "");
      if (data?.contrastRatio && expected && data.contrastRatio < expected) {
        summary.push(`color-contrast: ${data.contrastRatio}:1 (needs ${expected}:1) at ${node.target.join(" ")}`);
      }
    }
  }
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
  await expectInputsStyled(page);
}

/**
 * Every text-like field wears the shared input style, without a screenshot: at least a
 * 44px touch target, and as wide as the form field it sits in. An input the CSS rule
 * misses (say a new type, or none) is ~177px wide and ~21px tall beside full-width
 * fields. Any input that is not a checkbox, radio, file, range, colour or button counts,
 * so the check does not just repeat the stylesheet's own list of selectors.
 */
export async function expectInputsStyled(page: Page) {
  const problems = await page.evaluate(() => {
    const notText = ["checkbox", "radio", "hidden", "file", "submit", "button", "reset", "image", "range", "color"];
    const found: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>("input, select, textarea")) {
      if (el instanceof HTMLInputElement && notText.includes(el.type)) continue;
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue;
      const name = `${el.tagName.toLowerCase()}[name=${el.getAttribute("name") ?? ""}]${el.id ? `#${el.id}` : ""}`;
      if (rect.height < 43) found.push(`${name} is ${Math.round(rect.height)}px tall (unstyled?)`);
      const field = el.closest<HTMLElement>(".field");
      if (field && field.contains(el)) {
        const style = getComputedStyle(field);
        const inner = field.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
        if (Math.abs(rect.width - inner) > 1)
          found.push(`${name} is ${Math.round(rect.width)}px wide in a ${Math.round(inner)}px field`);
      }
    }
    return found;
  });
  expect(problems, `unstyled text fields on ${page.url()}`).toEqual([]);
}

/**
 * axe runs as script, which a context with JavaScript off will not run: audit the page
 * as it was served instead, its HTML without scripts at the same URL in a scripted page
 * (the stylesheets still come from the server, so contrast is measured for real).
 */
export async function expectAccessibleAsServed(page: Page) {
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "");
  const url = page.url();
  const context = await page.context().browser()!.newContext();
  const audit = await context.newPage();
  await audit.route(url, (route) => route.fulfill({ body: html, contentType: "text/html" }));
  await audit.goto(url);
  await expectAccessible(audit);
  await context.close();
}

export const test = base;
export { expect };
