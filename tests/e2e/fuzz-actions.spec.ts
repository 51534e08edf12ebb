// Fuzzing every action: each route with an action receives ≥ 200 malformed bodies
// from the role that may use it (so they reach validation), and must answer
// without a 5xx, without changing a single row, and with a message.
//
// Generator: fast-check's fc.sample with a fixed seed (so a failure reproduces
// exactly: the failing body is printed), combining a hand-picked pool of hostile
// values (the cases we know break apps: 100 KB strings, NUL, RTL overrides,
// combining marks, emoji, SQL/HTML/formula injection, numbers that are not
// numbers) with random unicode strings and structural damage (missing fields,
// repeated keys, unknown keys, unknown intents). Each body built from a real form
// is *guaranteed* invalid: that form's required fields are dropped or blanked, or
// its bounded text is 100 KB, so "no row changed" is a fair demand. Intents that
// take no input at all (e.g. "release staged decisions", "undo") cannot be
// malformed and are not fuzzed; URL tokens are wrong on purpose.
//
// Rule for "a message" (checked on the single-fetch `.data` answer, which is the
// action's own data without rendering the page; a sample of 5 bodies per page
// route also goes through the real HTML form post):
//   - status 400–499, and the answer names the problem: a FormFailure with a
//     field-level message (fieldErrors has an entry) or, when the body had no
//     usable intent, a form-level one (formErrors); or a JSON/thrown `message`;
//   - routes whose page answers a bad submit by redirecting back with an error
//     toast ("toast") must set the toast cookie; routes with no input at all
//     ("bodyless") need only answer without a 5xx and change nothing.
// "No row changed": every table of the server's SQLite file is fingerprinted
// (row count + hash of all rows) before and after each route's batch. Nothing is
// excluded: serving a request writes no row (sessions are only read).
import { expect, test } from "@playwright/test";
import fc from "fast-check";
import { decode } from "turbo-stream";
import { sameOrigin } from "../support/same-origin";
import { coverageGaps, isIndexRoute, paramValues, routeFiles, urlFor } from "./route-inventory";
import { buildWorld, fingerprint, freshCookie, startOwnServer, type OwnServer, type Role, type World } from "./world";

const BODIES = 200;
const HUGE = "A".repeat(100 * 1024);

type Form = {
  /** The intent value, or undefined for single-form routes. */
  intent?: string;
  /** Always dropped, blanked or made 100 KB: each is required, or bounded in length. */
  poison: string[];
  /**
   * How the poisoned fields are damaged (default: all four). A field bounded above
   * 100 KB (a CSV upload) is invalid only when missing or blank; an optional one
   * only when too long.
   */
  poisonWith?: Poison[];
  /** Other fields of the form, filled with hostile values. */
  fields?: string[];
};
type Poison = "drop" | "" | "   " | "huge";
type Kind = "form" | "json" | "toast" | "bodyless";
type Target = {
  role: Role | "district";
  kind: Kind;
  forms: Form[];
  why?: string;
  /**
   * A single form with no required field: any body without these pairs (garbage
   * included) would be a valid submission, so every body carries them.
   */
  always?: [string, string][];
};

const FUZZ: Record<string, Target> = {
  "circles.unsubscribe.$token.tsx": {
    role: "anonymous",
    kind: "bodyless",
    forms: [],
    why: "stops circle mail for the link in the URL (a made-up one: 404); the body is ignored",
  },
  "co-present.$token.tsx": {
    role: "presenter",
    kind: "bodyless",
    forms: [],
    why: "accepts the invitation in the URL; the body is ignored",
  },
  "e.$slug.certificate.tsx": {
    role: "attendee",
    kind: "bodyless",
    forms: [],
    why: "stores the member's own certificate code (already stored at start: no change); the body is ignored",
  },
  "kiosk-link.$token.tsx": {
    role: "anonymous",
    kind: "bodyless",
    forms: [],
    why: "signs the device in with the link in the URL (a made-up one: 404); the body is ignored",
  },
  "e.$slug.join_.$token.tsx": {
    role: "anonymous",
    kind: "bodyless",
    forms: [],
    why: "signs in with the link in the URL (a made-up one: 400); the body is ignored",
  },
  "e.$slug.circles._index.tsx": {
    role: "attendee",
    kind: "form",
    forms: [{ intent: "opt-in", poison: ["subject", "role"], fields: ["gradeBand", "otherSchools"] }],
  },
  // Leaving takes no input.
  "e.$slug.circles.$circleId.tsx": {
    role: "attendee",
    kind: "form",
    forms: [
      { intent: "post", poison: ["text"], fields: ["url"] },
      { intent: "meeting", poison: ["nextMeetingOn"] },
    ],
  },
  "e.$slug.join.tsx": {
    role: "anonymous",
    kind: "form",
    forms: [{ poison: ["email"] }, { intent: "verify", poison: ["code"], fields: ["email"] }],
  },
  // "Get my calendar address" / "Reset this link" take no input (only unknown intents are malformed); leaving names the roles seen.
  "e.$slug.my-day.tsx": { role: "attendee", kind: "form", forms: [{ intent: "leave", poison: ["roles"] }] },
  "e.$slug.picks.ts": {
    role: "attendee",
    kind: "form",
    forms: [
      { intent: "pick", poison: ["placementId", "clientId"], fields: ["returnTo"] },
      { intent: "unpick", poison: ["clientId"], fields: ["placementId"] },
    ],
  },
  "e.$slug.propose-now.tsx": {
    role: "attendee",
    kind: "form",
    forms: [{ poison: ["title", "summary"], fields: ["audience"] }],
  },
  "e.$slug.propose.tsx": {
    role: "presenter",
    kind: "bodyless",
    forms: [],
    why: "starts an empty draft; the body is ignored (the call is closed: 400)",
  },
  "e.$slug.rooms.$roomId.tsx": {
    role: "attendee",
    kind: "bodyless",
    forms: [],
    why: "checks into the room in the URL; the body is ignored (nothing running: 409)",
  },
  "e.$slug.sessions.$placementId.tsx": {
    role: "attendee",
    kind: "form",
    forms: [{ poison: ["rating"], fields: ["comment"] }],
  },
  "e.$slug.sessions.$placementId_.takeaways.tsx": {
    role: "presenter",
    kind: "form",
    forms: [
      { intent: "takeaway", poison: ["text"] },
      { intent: "resource", poison: ["label", "url"] },
      { intent: "file", poison: ["label"] },
      { intent: "hide", poison: ["postId"] },
      { intent: "remove", poison: ["postId"] },
    ],
  },
  "e.$slug.sessions.$placementId_.attendance.tsx": {
    role: "presenter",
    kind: "form",
    forms: [{ poison: ["attendeeId"], fields: ["q"] }],
  },
  "events.$slug._index.tsx": { role: "coordinator", kind: "toast", forms: [{ poison: ["status"] }] },
  "events.$slug.blocks.tsx": {
    role: "coordinator",
    kind: "form",
    forms: [
      { intent: "create", poison: ["label", "startTime"], fields: ["endTime", "kind"] },
      { intent: "update", poison: ["label", "blockId"], fields: ["startTime", "endTime", "kind"] },
      { intent: "delete", poison: ["blockId"] },
      { intent: "copy", poison: ["sourceEventId"] },
    ],
  },
  "events.$slug.circles.tsx": {
    role: "coordinator",
    kind: "form",
    forms: [
      { intent: "settings", poison: ["groupSize", "reminderWeeks", "roles"] },
      { intent: "form", poison: ["version"] },
      { intent: "swap", poison: ["first", "second"], fields: ["version"] },
      { intent: "publish", poison: ["version"] },
    ],
  },
  "events.$slug.credit.tsx": {
    role: "coordinator",
    kind: "form",
    forms: [{ poison: ["userId", "reason"], fields: ["placementId", "minutes"] }],
  },
  "events.$slug.credit-rules.tsx": {
    role: "coordinator",
    kind: "form",
    forms: [
      {
        intent: "settings",
        poison: ["version"],
        fields: ["providerName", "providerNumber", "creditCategories", "feedbackForCredit", "dailyCapHours"],
      },
      { intent: "tag", poison: ["proposalId"], fields: ["categories", "was"] },
    ],
  },
  "me.pd_.transcript.tsx": { role: "attendee", kind: "form", forms: [{ poison: ["from", "to"] }] },
  "events.$slug.day-of.tsx": {
    role: "coordinator",
    kind: "form",
    forms: [{ poison: ["proposalId"], fields: ["roomId", "timeBlockId"] }],
  },
  "events.$slug.drawings._index.tsx": {
    role: "coordinator",
    kind: "form",
    forms: [
      {
        intent: "create",
        poison: ["name"],
        fields: [
          "minSessions",
          "requireFeedback",
          "school",
          "gradeBand",
          "excludePresenters",
          "allowMultiplePrizes",
          "prizeIds",
        ],
      },
      { intent: "run", poison: ["drawingId"] },
      { intent: "no-show", poison: ["winnerId"] },
      { intent: "claimed", poison: ["winnerId"] },
    ],
  },
  "events.$slug.grid.tsx": {
    role: "coordinator",
    kind: "toast",
    forms: [
      { intent: "place", poison: ["proposalId"], fields: ["roomId", "timeBlockId"] },
      { intent: "move", poison: ["placementId"], fields: ["roomId", "timeBlockId", "version"] },
      { intent: "swap", poison: ["placementId"], fields: ["otherPlacementId"] },
      { intent: "remove", poison: ["placementId"] },
    ],
  },
  "events.$slug.kiosk.sync.ts": { role: "coordinator", kind: "json", forms: [] },
  "events.$slug.kiosk.tsx": {
    role: "coordinator",
    kind: "form",
    forms: [
      { intent: "walk-in", poison: ["name", "email"], fields: ["school", "staffId"] },
      { intent: "user", poison: ["userId"] },
      { intent: "token", poison: ["token"] },
    ],
  },
  "events.$slug.mail-templates.tsx": {
    role: "coordinator",
    kind: "form",
    forms: [
      { intent: "save", poison: ["key", "subject"], fields: ["body"] },
      { intent: "preview", poison: ["key", "body"], fields: ["subject"] },
      { intent: "reset", poison: ["key"] },
    ],
  },
  "events.$slug.people.tsx": {
    role: "coordinator",
    kind: "form",
    forms: [
      { poison: ["email"], fields: ["name", "role"] },
      { intent: "invite", poison: ["email"], fields: ["name", "role"] },
      { intent: "revoke-invitation", poison: ["invitationId"] },
      { intent: "change-role", poison: ["membershipId"], fields: ["fromRole", "role"] },
      { intent: "remove-member", poison: ["membershipId"], fields: ["role"] },
      { intent: "kiosk-link", poison: ["label"] },
      { intent: "revoke-kiosk-link", poison: ["kioskLinkId"] },
    ],
  },
  "events.$slug.proposals.$id.tsx": {
    role: "coordinator",
    kind: "form",
    forms: [{ intent: "review", poison: ["note"], fields: ["score"] }],
  },
  "events.$slug.proposals._index.tsx": {
    role: "coordinator",
    kind: "form",
    forms: ["accept", "waitlist", "decline", "unstage"].map((intent) => ({
      intent,
      poison: ["ids"],
      fields: ["stage"],
    })),
  },
  // The note is optional: only one over 500 characters makes the form invalid.
  "events.$slug.publish.tsx": {
    role: "coordinator",
    kind: "form",
    forms: [{ poison: [], fields: ["blockOnConflicts"] }],
    always: [["note", HUGE]],
  },
  "events.$slug.rooms.tsx": {
    role: "coordinator",
    kind: "form",
    forms: [
      { intent: "create", poison: ["name", "capacity"], fields: ["building", "floor", "features", "accessible"] },
      { intent: "update", poison: ["roomId", "name"], fields: ["capacity"] },
      { intent: "delete", poison: ["roomId"] },
      { intent: "up", poison: ["roomId"] },
      { intent: "copy", poison: ["sourceEventId"] },
      // Room lists may be 256 KB: a CSV is invalid when missing or blank.
      { intent: "import", poison: ["csv"], poisonWith: ["drop", "", "   "] },
    ],
  },
  "events.$slug.roster.tsx": {
    role: "coordinator",
    kind: "form",
    forms: [
      { intent: "walk-in", poison: ["name", "email"], fields: ["school", "staffId"] },
      // Rosters may be 2 MB: a CSV is invalid when missing or blank.
      { intent: "preview", poison: ["csv"], poisonWith: ["drop", "", "   "] },
      // The file itself waits on the server (a pending upload): the import names it.
      { intent: "import", poison: ["uploadId"], fields: ["name", "lastName", "email", "school", "staffId"] },
    ],
  },
  "events.$slug.settings.tsx": {
    role: "coordinator",
    kind: "form",
    forms: [
      { poison: ["name", "date"], fields: ["startTime", "endTime", "timeZone", "venue", "description", "status"] },
    ],
  },
  "events.$slug.vendors._index.tsx": {
    role: "coordinator",
    kind: "form",
    forms: [
      { intent: "invite", poison: ["company", "contactEmail"], fields: ["contactName"] },
      // Blank means "no limit": only a value that is not dollars is invalid.
      { intent: "gift-limit", poison: ["giftLimit"], poisonWith: ["huge"] },
      { intent: "deliver", poison: ["donationId"] },
    ],
  },
  "events.new.tsx": {
    role: "district",
    kind: "form",
    forms: [{ poison: ["name", "date"], fields: ["startTime", "endTime", "timeZone", "venue", "description"] }],
  },
  "forgot-password.tsx": { role: "anonymous", kind: "form", forms: [{ poison: ["email"] }] },
  "invite.$token.tsx": {
    role: "attendee",
    kind: "bodyless",
    forms: [],
    why: "accepts the invitation in the URL; the body is ignored",
  },
  "login.tsx": { role: "anonymous", kind: "form", forms: [{ poison: ["email", "password"], fields: ["redirectTo"] }] },
  "logout.tsx": {
    role: "anonymous",
    kind: "bodyless",
    forms: [],
    why: "signs out whoever is signed in; the body is ignored",
  },
  "proposals.$id.tsx": {
    role: "presenter",
    kind: "form",
    forms: [
      { intent: "autosave", poison: ["title"], fields: ["summary", "details", "audience", "tags", "format"] },
      { intent: "save", poison: ["details"], fields: ["title", "summary", "lengthBlocks", "maxParticipants"] },
      { intent: "update", poison: ["title", "summary"], fields: ["details", "format", "experienceLevel", "techNeeds"] },
      { intent: "invite", poison: ["email"], fields: ["name"] },
      { intent: "remove-co-presenter", poison: ["coPresenterId"] },
      { intent: "add-resource", poison: ["label", "url"] },
      { intent: "remove-resource", poison: ["resourceId"] },
    ],
  },
  "proposals._index.tsx": { role: "presenter", kind: "form", forms: [{ intent: "reset-feed", poison: ["eventId"] }] },
  "reset-password.tsx": {
    role: "anonymous",
    kind: "form",
    forms: [{ poison: ["token", "password"], fields: ["confirmPassword"] }],
  },
  "setup.tsx": {
    role: "anonymous",
    kind: "bodyless",
    forms: [],
    why: "accounts exist, so it redirects to sign-in before reading anything",
  },
  "signup.tsx": {
    role: "anonymous",
    kind: "form",
    forms: [{ poison: ["email", "password"], fields: ["name", "confirmPassword", "school", "event"] }],
  },
  "verify-email.tsx": {
    role: "anonymous",
    kind: "form",
    forms: [
      { poison: ["email", "code"], fields: ["redirectTo"] },
      { intent: "link", poison: ["token"] },
    ],
  },
  "vendor.$vendorId._index.tsx": {
    role: "vendor",
    kind: "form",
    forms: [
      { intent: "log", poison: ["itemName", "quantity"], fields: ["kind", "description", "unitValue", "restrictions"] },
    ],
  },
};

// The values that break apps, and random unicode for the rest.
const HOSTILE = [
  "",
  " ",
  HUGE,
  "'; DROP TABLE User; --",
  '" OR 1=1 --',
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "=cmd|' /C calc'!A0",
  "+SUM(1,2)",
  '@HYPERLINK("http://evil.test")',
  "\u0000",
  "a\u0000b",
  "\u202Eevil\u202C",
  "e\u0301\u0301\u0301\u0301",
  "🎉🔥👩‍🏫",
  "\uD800",
  "../../etc/passwd",
  "-1",
  "0",
  "1e309",
  "NaN",
  "99999999999999999999",
  "true",
  "null",
  "[object Object]",
  '{"$ne":null}',
  "%00",
  "\r\n\r\nSet-Cookie: x=1",
];
const hostile = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
);
// Never a valid intent: empty, injected, or a near miss.
const badIntent = fc.oneof(
  fc.constantFrom("", "DROP", "<script>", "Create", "delete ", "undefined", "__proto__", HUGE),
  fc.string({ maxLength: 12 }),
);

type Body = { pairs: [string, string][]; formIntent?: string; label: string };

function bodiesFor(target: Target, seed: number): Body[] {
  const poisonValue = (form: Form) => fc.constantFrom<Poison>(...(form.poisonWith ?? ["drop", "", "   ", "huge"]));
  const extra = fc.array(fc.tuple(fc.string({ maxLength: 10 }), hostile), { maxLength: 3 });
  const fromForm = (form: Form) =>
    fc
      .record({
        poisons: fc.array(poisonValue(form), { minLength: form.poison.length, maxLength: form.poison.length }),
        values: fc.array(fc.array(hostile, { minLength: 0, maxLength: 3 }), {
          minLength: (form.fields ?? []).length,
          maxLength: (form.fields ?? []).length,
        }),
        extra,
      })
      .map(({ poisons, values, extra: more }) => {
        const pairs: [string, string][] = [];
        if (form.intent) pairs.push(["intent", form.intent]);
        form.poison.forEach((name, i) => {
          const how = poisons[i]!;
          // "huge" on a required field that has no upper bound would be valid: blanks and drops are what make those invalid.
          if (how !== "drop") pairs.push([name, how === "huge" ? HUGE : how]);
        });
        // Repeated keys: 0 values = missing, 2-3 = an array where a string is expected.
        (form.fields ?? []).forEach((name, i) => values[i]!.forEach((v) => pairs.push([name, v])));
        pairs.push(...more);
        return { pairs, formIntent: form.intent ?? "", label: `form ${form.intent ?? "(single)"}` };
      });
  const garbage = fc
    .record({
      intent: fc.option(badIntent, { nil: undefined }),
      rest: fc.array(fc.tuple(fc.constantFrom("name", "email", "id", "title", "x", "intent"), hostile), {
        maxLength: 5,
      }),
    })
    .map(({ intent, rest }) => ({
      pairs: [
        ...(intent === undefined ? [] : ([["intent", intent]] as [string, string][])),
        ...rest.filter(([k]) => k !== "intent"),
      ],
      label: "unknown intent",
    }));
  const arbitrary: fc.Arbitrary<Body> =
    target.forms.length === 0
      ? garbage
      : fc.oneof(
          { arbitrary: garbage, weight: 1 },
          ...target.forms.map((f) => ({ arbitrary: fromForm(f), weight: 3 })),
        );
  const always = target.always ?? [];
  return fc
    .sample(arbitrary, { seed, numRuns: BODIES })
    .map((b) => ({ ...b, pairs: [...b.pairs.filter(([k]) => !always.some(([a]) => a === k)), ...always] }));
}

// Malformed JSON and wrong shapes for the kiosk's JSON endpoint.
function jsonBodies(seed: number): string[] {
  const scan = fc.record(
    {
      clientId: hostile,
      token: hostile,
      userId: hostile,
      scannedAt: fc.oneof(hostile, fc.constant("2026-13-45T99:99:99Z")),
    },
    { requiredKeys: [] },
  );
  const shape = fc.oneof(
    fc.constantFrom(
      "",
      "{",
      "[",
      "null",
      "true",
      "42",
      '"scans"',
      '{"scans":',
      '{"scans": null}',
      '{"scans": {}}',
      `{"scans": "${HUGE}"}`,
      "\u0000",
      "{'scans': []}",
    ),
    hostile,
    // Too many scans, or scans of the wrong shape (a clientId < 8 chars or a missing/invalid time always fails).
    fc
      .array(scan, { minLength: 1, maxLength: 4 })
      .map((scans) => JSON.stringify({ scans: scans.map((s) => ({ ...s, scannedAt: "not-a-time" })) })),
    fc.constant(
      JSON.stringify({
        scans: Array.from({ length: 1001 }, (_, i) => ({
          clientId: `c-${i}-abcdef`,
          scannedAt: "2026-01-01T00:00:00Z",
        })),
      }),
    ),
  );
  return fc.sample(shape, { seed, numRuns: BODIES });
}

let server: OwnServer;
let world: World;
const cookies: Partial<Record<Role | "district", string>> = {};

// Not serial: one route's failure must not hide the others' results.
test.describe.configure({ mode: "default" });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startOwnServer(2, "fuzz");
  world = await buildWorld(server);
  Object.assign(cookies, world.cookies);
  cookies.district = await freshCookie(server, world.districtCoordinatorId);
});

test.afterAll(async () => {
  await server?.stop();
});

test("every action route has fuzz coverage, and every fuzz entry an action route", () => {
  const actions = routeFiles()
    .filter((f) => f.hasAction)
    .map((f) => f.file);
  const { missing, stale } = coverageGaps(actions, FUZZ);
  expect(missing, "action routes without an entry in FUZZ (fuzz-actions.spec.ts)").toEqual([]);
  expect(stale, "FUZZ entries that are not action routes any more").toEqual([]);
});

type Payload = {
  fieldErrors?: Record<string, string[] | undefined>;
  formErrors?: string[];
  message?: unknown;
  panel?: { title?: string };
};

/**
 * The answer of a `.data` POST, decoded the way Remix's client does: a returned
 * value is `{ data }`, a thrown one `{ error }` (an ErrorResponse carries the
 * status and the thrown data, e.g. `{ message }`), a redirect `{ redirect }`.
 */
async function readData(res: Response): Promise<unknown> {
  const type = res.headers.get("content-type") ?? "";
  if (type.includes("json")) return res.json().catch(() => null);
  if (!type.includes("text/x-script")) return res.text();
  const decoded = await decode(res.body!, {
    plugins: [
      (kind: string, ...rest: unknown[]) => {
        if (kind === "ErrorResponse") return { value: { status: rest[1], statusText: rest[2], data: rest[0] } };
        if (kind === "SanitizedError") return { value: { message: rest[1] } };
        if (kind === "SingleFetchRedirect") return { value: { redirect: rest[0] } };
        return undefined;
      },
    ],
  });
  await decoded.done;
  const single = decoded.value as { data?: unknown; error?: unknown; redirect?: unknown };
  if ("error" in single) return single.error;
  if ("data" in single) return single.data;
  return single;
}

function messageOf(payload: unknown, formIntent: string | undefined): string | null {
  if (typeof payload === "string") return payload.trim() ? "text" : null;
  if (!payload || typeof payload !== "object") return null;
  const p = payload as Payload & { data?: Payload };
  const inner = p.data && typeof p.data === "object" ? p.data : p;
  const fieldMessages = Object.values(inner.fieldErrors ?? {})
    .flat()
    .filter(Boolean);
  if (fieldMessages.length > 0) return "field";
  // A body naming a real form must be told which field is wrong; garbage may get a form-level message.
  if (formIntent !== undefined && inner.fieldErrors !== undefined && (inner.formErrors ?? []).length === 0) return null;
  if ((inner.formErrors ?? []).length > 0) return "form";
  if (typeof inner.message === "string" && inner.message.trim()) return "message";
  if (inner.panel?.title) return "panel";
  return null;
}

const describe = (pairs: [string, string][] | string) =>
  JSON.stringify(
    typeof pairs === "string"
      ? pairs.slice(0, 200)
      : pairs.map(([k, v]) => [k, v.length > 80 ? `${v.slice(0, 40)}…(${v.length} chars)` : v]),
  );

for (const [file, target] of Object.entries(FUZZ)) {
  test(`fuzz ${file}: ${BODIES} malformed bodies as ${target.role}`, async () => {
    test.setTimeout(60_000);
    const routes = routeFiles();
    test.skip(!routes.some((r) => r.file === file && r.hasAction), "reported by the coverage test");
    const path = urlFor(file, paramValues(world));
    // Single fetch: `<path>.data` (index routes: `?index`) runs the action and returns its data without rendering.
    const resource = !/\.tsx$/.test(file);
    const dataUrl = resource ? path : `${path === "/" ? "/_root" : path}.data${isIndexRoute(file) ? "?index" : ""}`;
    const cookie = cookies[target.role] ?? "";
    const seed = [...file].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 7);
    const failures: string[] = [];
    const before = fingerprint(server.dbFile);
    const errStart = server.stderr().length;

    const post = (url: string, body: string | URLSearchParams, contentType: string) =>
      fetch(server.baseURL + url, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": contentType, ...sameOrigin(server.baseURL), ...(cookie ? { cookie } : {}) },
        body,
      }).catch((error: Error) => {
        // A dropped connection is as bad as a 500: report it with the body.
        const cause = error.cause as (Error & { code?: string }) | undefined;
        return new Response(`connection failed: ${cause?.code ?? ""} ${String(cause?.message ?? error.message)}`, {
          status: 599,
        });
      });

    if (target.kind === "json") {
      for (const body of jsonBodies(seed)) {
        const res = await post(path, body, "application/json");
        const payload = (await res.json().catch(() => null)) as Payload | null;
        if (res.status >= 500 || res.status < 400 || !(typeof payload?.message === "string" && payload.message)) {
          failures.push(`${res.status} ${JSON.stringify(payload).slice(0, 120)} for ${describe(body)}`);
        }
      }
    } else {
      const bodies = bodiesFor(target, seed);
      // Eight at a time: the server is ours alone, and this keeps the spec fast.
      const check = async (body: Body, i: number) => {
        const form = new URLSearchParams(body.pairs);
        const viaPage = target.kind !== "form" || i % 40 === 0;
        const res = await post(viaPage || resource ? path : dataUrl, form, "application/x-www-form-urlencoded");
        if (res.status >= 500) {
          failures.push(
            `${res.status} for ${describe(body.pairs)}${res.status === 599 ? ` (${await res.text()})` : ""}`,
          );
          return;
        }
        if (target.kind === "bodyless") return;
        if (target.kind === "toast") {
          const toast = (res.headers.get("set-cookie") ?? "").includes("__dropin_toast=");
          if (!(res.status >= 300 && res.status < 400 && toast) && !(res.status >= 400 && res.status < 500)) {
            failures.push(`${res.status} without an error toast for ${describe(body.pairs)}`);
          }
          return;
        }
        if (res.status < 400) {
          failures.push(`${res.status} (accepted!) for ${body.label} ${describe(body.pairs)}`);
          return;
        }
        if (viaPage && !resource) {
          // The page itself: the message is rendered, with aria-invalid on the field or an alert.
          // A thrown 403/404/409 (a hidden id that names nothing, a rule), or a body with
          // no usable intent, may show the route's error page instead, which must carry the action's own sentence, not the
          // "unexpected problem" fallback for a bug.
          const html = await res.text();
          const fieldOrAlert = /aria-invalid="true"|role="alert"|class="[^"]*error/.test(html);
          const errorPage =
            (res.status !== 400 || body.formIntent === undefined) &&
            /id="error-title"/.test(html) &&
            !html.includes("Dropin hit an unexpected problem");
          if (!fieldOrAlert && !errorPage)
            failures.push(`${res.status} page without a visible error for ${describe(body.pairs)}`);
          return;
        }
        const payload = await readData(res);
        const message = messageOf(payload, body.formIntent);
        if (!message)
          failures.push(
            `${res.status} without a message (${JSON.stringify(payload)?.slice(0, 160)}) for ${body.label} ${describe(body.pairs)}`,
          );
      };
      for (let i = 0; i < bodies.length; i += 8)
        await Promise.all(bodies.slice(i, i + 8).map((b, j) => check(b, i + j)));
    }

    const errLog = server.stderr().slice(errStart);
    if (errLog.trim()) console.log(`server stderr during ${file}:\n${errLog.slice(0, 4000)}`);
    const after = fingerprint(server.dbFile);
    const changed = Object.keys(after).filter((t) => after[t] !== before[t]);
    expect(failures.slice(0, 15), `${failures.length} of ${BODIES} bodies failed`).toEqual([]);
    expect(changed, "tables changed by malformed bodies").toEqual([]);
  });
}
