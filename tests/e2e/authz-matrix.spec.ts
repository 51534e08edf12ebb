// Authorization matrix: every route file × every role, GET and (where the route
// has an action) POST, against the answer the app must give. The table is keyed by
// the files in app/routes, so a new route without an entry fails the first test,
// naming the file; so does an entry whose file is gone.
//
// Outcomes (requests never follow redirects):
//   "ok"        2xx
//   "redirect"  3xx anywhere except the sign-in page's redirectTo bounce
//   "login"     3xx to /login?redirectTo=… (signed out)
//   403 / 404   refused: 403 where the app names the PD day (coordinator pages,
//               "not your proposal"); 404 where even existence is private
//               (someone else's vendor, unknown tokens)
//   400 / 409 / 405  the request reached the action's own checks: POSTs carry an
//               empty body, so an allowed role gets the form's 400, or a rule's 409.
//   415         the kiosk API refuses anything but JSON (the matrix posts a form).
// A refused role must get 403/404/login — never a 400 (the form answering means the
// permission check came after validation) and never a 2xx/3xx.
//
// The world (tests/e2e/world.ts): the demo PD day "demo" (event A, a published
// schedule, picks, donations, a drawing), a plain coordinator of A, and event B
// whose coordinator is "otherCoordinator". Tokens in URLs are wrong on purpose.
import { expect, test } from "@playwright/test";
import { sameOrigin } from "../support/same-origin";
import { coverageGaps, paramValues, routeFiles, urlFor } from "./route-inventory";
import {
  buildWorld,
  fingerprint,
  freshCookie,
  ROLES,
  startOwnServer,
  type OwnServer,
  type Role,
  type World,
} from "./world";

type Outcome = "ok" | "redirect" | "login" | 400 | 401 | 403 | 404 | 405 | 409 | 415;
type Row = Record<Role, Outcome>;
type Entry = { get?: Row; post?: Row };

/** Columns: coordinator, presenter, attendee, vendor, otherCoordinator, anonymous, door (a door volunteer of event A). */
const R = (
  coordinator: Outcome,
  presenter: Outcome,
  attendee: Outcome,
  vendor: Outcome,
  otherCoordinator: Outcome,
  anonymous: Outcome,
  door: Outcome,
): Row => ({ coordinator, presenter, attendee, vendor, otherCoordinator, anonymous, door });
const all = (o: Outcome) => R(o, o, o, o, o, o, o);
const signedIn = (o: Outcome) => R(o, o, o, o, o, "login", o);
const coordinatorOnly = (o: Outcome) => R(o, 403, 403, 403, 403, "login", 403);
/** The door pages: the event's coordinators and door volunteers. */
const doorPage = (o: Outcome) => R(o, 403, 403, 403, 403, "login", o);

const MATRIX: Record<string, Entry> = {
  "_index.tsx": { get: R("redirect", "redirect", "redirect", "redirect", "redirect", "ok", "redirect") },
  // District sign-in: this server has no OIDC_PROVIDERS, so no provider exists for
  // anyone (the flows themselves: district-sign-in.spec.ts, with providers).
  "auth.$provider.tsx": { get: all(404) },
  "auth.$provider_.callback.tsx": { get: all(404) },
  // A made-up unsubscribe link, signed in or not: 404 (the real one: circles.spec.ts).
  "circles.unsubscribe.$token.tsx": { get: all(404), post: all(404) },
  "co-present.$token.tsx": { get: all("ok"), post: R(404, 404, 404, 404, 404, "login", 404) },
  "e.$slug._index.tsx": { get: all("ok") },
  // Posting makes the member's certificate (stores its code), then shows it.
  "e.$slug.certificate.tsx": {
    get: R("ok", "ok", "ok", "ok", 403, "login", "ok"),
    post: R("redirect", "redirect", "redirect", "redirect", 403, "login", "redirect"),
  },
  // Circles are for the day's attendees and presenters (the world's circles are
  // published: a well-formed opt-in would get the rule's 409; an empty body 400).
  "e.$slug.circles._index.tsx": {
    get: R(403, "ok", "ok", 403, 403, "login", 403),
    post: R(403, 400, 400, 403, 403, "login", 403),
  },
  // Members and the PD day's coordinators only; to everyone else the circle does not exist.
  "e.$slug.circles.$circleId.tsx": {
    get: R("ok", 404, "ok", 404, 404, "login", 404),
    post: R(400, 404, 400, 404, 404, "login", 404),
  },
  "e.$slug.credit.tsx": { get: R("ok", "ok", "ok", "ok", 403, "login", "ok") },
  "e.$slug.grid[.]csv.ts": { get: all("ok") },
  "e.$slug.join.tsx": { get: all("ok"), post: all(400) },
  // A made-up link: the page says so (GET); signing in with it is refused (POST).
  "e.$slug.join_.$token.tsx": { get: all("ok"), post: all(400) },
  "e.$slug.my-badge.tsx": { get: R(403, 403, "ok", 403, 403, "login", 403) },
  "e.$slug.my-day.$token[.]ics.ts": { get: all(404) },
  "e.$slug.my-day.tsx": {
    get: R("ok", "ok", "ok", "ok", 403, "login", "ok"),
    post: R(400, 400, 400, 400, 403, "login", 400),
  },
  // Validation runs before the membership check here (a non-member's well-formed
  // pick gets 403: see the "well-formed bodies" test below).
  "e.$slug.my-picks.ts": { get: R("ok", "ok", "ok", "ok", "ok", 401, "ok") },
  // The per-person part of a stored page; the matrix asks for a page that does not exist
  // (the real ones, each person's own: personal-parts.test.ts and attendee-own-parts.spec.ts).
  "e.$slug.mine.$.ts": { get: R(404, 404, 404, 404, 404, 401, 404) },
  "e.$slug.picks.ts": { post: signedIn(400) },
  "e.$slug.presenters.$token.print.tsx": { get: all(404) },
  "e.$slug.presenters.$token[.]ics.ts": { get: all(404) },
  // Any signed-in person sees which prizes they could win (none, if not a member).
  "e.$slug.prizes.tsx": { get: signedIn("ok") },
  "e.$slug.propose-now.tsx": {
    get: R("ok", "ok", "ok", "ok", 403, "login", "ok"),
    post: R(400, 400, 400, 400, 403, "login", 400),
  },
  // Self-service: anyone signed in may propose while the call is open (it is closed in the world: 400).
  "e.$slug.propose.tsx": { get: all("ok"), post: signedIn(400) },
  // No session is running now: members get the rule's 409, outsiders 403.
  // 400: outside a block the refusal is shown on the room page itself (guardForm), not the error page.
  "e.$slug.rooms.$roomId.tsx": { get: all("ok"), post: R(400, 400, 400, 400, 403, "login", 400) },
  "e.$slug.schedule[.]ics.ts": { get: all("ok") },
  "e.$slug.schedule[.]json.ts": { get: all("ok") },
  // As with picks: an empty body is refused by the form first; a well-formed one by the service.
  "e.$slug.sessions.$placementId.tsx": { get: all("ok"), post: signedIn(400) },
  // The session's people only: its presenters, the day's coordinators, and those who were there or picked it.
  "e.$slug.sessions.$placementId_.takeaways.tsx": {
    get: R("ok", "ok", "ok", 403, 403, "login", 403),
    post: R(400, 400, 400, 403, 403, "login", 403),
  },
  // A resource file: the session's people get the made-up file's 404, everyone else the takeaways page's 403.
  "e.$slug.sessions.$placementId_.resources.$postId.ts": { get: R(404, 404, 404, 403, 403, "login", 403) },
  "e.$slug.sessions.$placementId_.attendance.tsx": {
    get: R(403, "ok", 403, 403, 403, "login", 403),
    post: R(403, 400, 403, 403, 403, "login", 403),
  },
  // An unreadable stage redirects back with an error toast (the page's own pattern).
  "events.$slug._index.tsx": { get: coordinatorOnly("ok"), post: coordinatorOnly("redirect") },
  "events.$slug.badges.tsx": { get: coordinatorOnly("ok") },
  "events.$slug.blocks.tsx": { get: coordinatorOnly("ok"), post: coordinatorOnly(400) },
  "events.$slug.circles.tsx": { get: coordinatorOnly("ok"), post: coordinatorOnly(400) },
  "events.$slug.credit.tsx": { get: coordinatorOnly("ok"), post: coordinatorOnly(400) },
  "events.$slug.credit[.]csv.ts": { get: coordinatorOnly("ok") },
  "events.$slug.credit-rules.tsx": { get: coordinatorOnly("ok"), post: coordinatorOnly(400) },
  "events.$slug.day-of.tsx": { get: coordinatorOnly("ok"), post: coordinatorOnly(400) },
  "events.$slug.drawings.$drawingId.show.tsx": { get: coordinatorOnly("ok") },
  "events.$slug.drawings._index.tsx": { get: coordinatorOnly("ok"), post: coordinatorOnly(400) },
  // Without JavaScript a refused move redirects back to the grid with an error toast.
  "events.$slug.grid.tsx": { get: coordinatorOnly("ok"), post: coordinatorOnly("redirect") },
  // A JSON API: signed out is a JSON 401 ("sign in again"), not a redirect; a form body is not JSON (415).
  "events.$slug.kiosk.sync.ts": { get: all(405), post: R(415, 403, 403, 403, 403, 401, 415) },
  // The roster the kiosk keeps on the device: JSON, so signed out is a 401 (the kiosk then drops its copy).
  "events.$slug.kiosk.roster.ts": { get: R("ok", 403, 403, 403, 403, 401, "ok") },
  "events.$slug.kiosk.tsx": { get: doorPage("ok"), post: doorPage(400) },
  "events.$slug.live.tsx": { get: doorPage("ok") },
  "events.$slug.mail-templates.tsx": { get: coordinatorOnly("ok"), post: coordinatorOnly(400) },
  "events.$slug.people.tsx": { get: coordinatorOnly("ok"), post: coordinatorOnly(400) },
  "events.$slug.print.door-signs.tsx": { get: coordinatorOnly("ok") },
  "events.$slug.print.grid.tsx": { get: coordinatorOnly("ok") },
  "events.$slug.proposals.$id.tsx": { get: coordinatorOnly("ok"), post: coordinatorOnly(400) },
  "events.$slug.proposals._index.tsx": { get: coordinatorOnly("ok"), post: coordinatorOnly(400) },
  // Every field is optional: an empty body publishes the next version.
  "events.$slug.publish.tsx": { get: coordinatorOnly("ok"), post: coordinatorOnly("redirect") },
  "events.$slug.rooms.tsx": { get: coordinatorOnly("ok"), post: coordinatorOnly(400) },
  "events.$slug.roster.tsx": { get: coordinatorOnly("ok"), post: coordinatorOnly(400) },
  "events.$slug.settings.tsx": { get: coordinatorOnly("ok"), post: coordinatorOnly(400) },
  "events.$slug.vendors.$vendorId.letter.tsx": { get: coordinatorOnly("ok") },
  "events.$slug.vendors._index.tsx": { get: coordinatorOnly("ok"), post: coordinatorOnly(400) },
  "events._index.tsx": { get: signedIn("ok") },
  // The yearly export across all PD days: district coordinators only (none of these roles is one).
  "district.pd-export.tsx": { get: signedIn(403) },
  "district.pd-export[.]csv.ts": { get: signedIn(403) },
  // Everyone's own PD record and transcript (the user id comes from the session, never the address).
  "me.pd.tsx": { get: signedIn("ok") },
  "me.pd_.transcript.tsx": { get: signedIn("ok"), post: signedIn(400) },
  // Only district coordinators create PD days; none of these roles is one.
  "events.new.tsx": { get: signedIn(403), post: signedIn(403) },
  "forgot-password.tsx": { post: all(400) },
  "healthz.ts": { get: all("ok") },
  // A made-up kiosk link: the page says so (GET); pressing its button is refused (POST), signed in or not.
  "kiosk-link.$token.tsx": { get: all("ok"), post: all(404) },
  "invite.$token.tsx": { get: all("ok"), post: R(404, 404, 404, 404, 404, "login", 404) },
  "login.tsx": {
    get: R("redirect", "redirect", "redirect", "redirect", "redirect", "ok", "redirect"),
    post: R("redirect", "redirect", "redirect", "redirect", "redirect", 400, "redirect"),
  },
  // Posted last (it ends the role's session).
  "logout.tsx": { get: all("redirect"), post: all("redirect") },
  // Coordinators read the outbox of their own PD days (the service filters by event).
  "outbox.tsx": { get: R("ok", 403, 403, 403, "ok", "login", 403) },
  "proposals.$id.tsx": {
    get: R(403, "ok", 403, 403, 403, "login", 403),
    post: R(403, 400, 403, 403, 403, "login", 403),
  },
  "proposals.$id_.feedback.tsx": { get: R("ok", "ok", 403, 403, 403, "login", 403) },
  // Self-service: anyone signed in may ask for their own presenter links (an empty body: 400).
  "proposals._index.tsx": { get: signedIn("ok"), post: signedIn(400) },
  "reset-password.tsx": { get: all("ok"), post: all(400) },
  // Accounts exist, so the first-run page sends everyone to sign in.
  "setup.tsx": { get: all("redirect"), post: all("redirect") },
  "signup.tsx": {
    get: R("redirect", "redirect", "redirect", "redirect", "redirect", "ok", "redirect"),
    post: R("redirect", "redirect", "redirect", "redirect", "redirect", 400, "redirect"),
  },
  "vendor.$vendorId._index.tsx": {
    get: R("ok", 404, 404, "ok", 404, "login", 404),
    post: R(400, 404, 404, 400, 404, "login", 404),
  },
  // The demo donation has no photo: 404 to those allowed, and the same 404 to everyone else.
  "vendor.$vendorId.donations.$donationId.photo.ts": { get: signedIn(404) },
  "vendor._index.tsx": { get: R("ok", "ok", "ok", "redirect", "ok", "login", "ok") },
  "verify.$code.tsx": { get: all(404) },
  // Confirming a new account's address: for the signed-out (a made-up code or link: 400); like
  // sign-up, the signed-in are sent on.
  "verify-email.tsx": {
    get: R("redirect", "redirect", "redirect", "redirect", "redirect", "ok", "redirect"),
    post: R("redirect", "redirect", "redirect", "redirect", "redirect", 400, "redirect"),
  },
};

const REFUSED: Outcome[] = [401, 403, 404, "login"];

function classify(res: Response): Outcome | string {
  if (res.status >= 300 && res.status < 400) {
    return (res.headers.get("location") ?? "").startsWith("/login?redirectTo=") ? "login" : "redirect";
  }
  if (res.status >= 200 && res.status < 300) return "ok";
  return res.status as Outcome;
}

let server: OwnServer;
let world: World;

test.describe.configure({ mode: "serial" });
test.setTimeout(120_000);

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startOwnServer(3, "authz");
  world = await buildWorld(server);
});

test.afterAll(async () => {
  await server?.stop();
});

function request(
  method: "GET" | "POST",
  role: Role,
  url: string,
  body = "",
  contentType = "application/x-www-form-urlencoded",
) {
  const headers: Record<string, string> = {};
  if (world.cookies[role]) headers.cookie = world.cookies[role];
  if (method === "POST") {
    headers["content-type"] = contentType;
    Object.assign(headers, sameOrigin(server.baseURL));
  }
  return fetch(server.baseURL + url, {
    method,
    headers,
    body: method === "POST" ? body : undefined,
    redirect: "manual",
  });
}

test("every route file has a matrix entry, and every entry a route file", () => {
  const files = routeFiles();
  const { missing, stale } = coverageGaps(
    files.map((f) => f.file),
    MATRIX,
  );
  expect(
    missing,
    "route files without an authorization-matrix entry: add them to MATRIX in authz-matrix.spec.ts",
  ).toEqual([]);
  expect(stale, "matrix entries whose route file no longer exists").toEqual([]);
  for (const f of files) {
    const entry = MATRIX[f.file]!;
    expect(Boolean(entry.get), `${f.file}: GET row present iff it has a loader`).toBe(f.hasLoader);
    expect(Boolean(entry.post), `${f.file}: POST row present iff it has an action`).toBe(f.hasAction);
  }
});

test("every route answers every role as the matrix says", async () => {
  const params = paramValues(world);
  const mismatches: string[] = [];
  // logout last: posting to it ends each role's session.
  const files = routeFiles().sort((a, b) => Number(a.file === "logout.tsx") - Number(b.file === "logout.tsx"));
  for (const { file, hasLoader, hasAction } of files) {
    const entry = MATRIX[file];
    if (!entry) continue; // reported by the coverage test
    const url = urlFor(file, params);
    const check = async (method: "GET" | "POST", row: Row) => {
      for (const role of ROLES) {
        const res = await request(method, role, url);
        const got = classify(res);
        if (got !== row[role])
          mismatches.push(`${method} ${url} (${file}) as ${role}: expected ${row[role]}, got ${got}`);
        if (typeof got === "number" && got >= 500) mismatches.push(`${method} ${url} as ${role}: server error ${got}`);
      }
    };
    if (hasLoader && entry.get) await check("GET", entry.get);
    if (hasAction && entry.post) await check("POST", entry.post);
  }
  expect(mismatches).toEqual([]);
});

test("the matrix itself refuses every outsider to event A's coordinator pages", () => {
  // A guard on the table: a careless edit that "allows" event B's coordinator, a
  // presenter or an attendee into a coordinator page must be a visible decision.
  for (const [file, entry] of Object.entries(MATRIX)) {
    if (!file.startsWith("events.$slug.")) continue;
    for (const row of [entry.get, entry.post]) {
      if (!row || (file === "events.$slug.kiosk.sync.ts" && row === entry.get)) continue;
      for (const role of ["presenter", "attendee", "vendor", "otherCoordinator", "anonymous"] as const) {
        expect(REFUSED, `${file} ${role}`).toContain(row[role]);
      }
      // A door volunteer reaches the kiosk (and its sync API) and the live view, nothing else.
      if (!DOOR_PAGES.includes(file)) expect(REFUSED, `${file} door`).toContain(row.door);
    }
  }
});

const DOOR_PAGES = [
  "events.$slug.kiosk.tsx",
  "events.$slug.kiosk.sync.ts",
  "events.$slug.kiosk.roster.ts",
  "events.$slug.live.tsx",
];

test("the header offers each role only the links it can use", async () => {
  // The matrix signed every role out when it posted to /logout: sign in again.
  const expected: [Exclude<Role, "anonymous" | "otherCoordinator" | "vendor">, string[]][] = [
    ["attendee", ["PD days"]],
    ["presenter", ["PD days", "My proposals"]],
    ["door", ["PD days"]],
    ["coordinator", ["PD days", "Outbox"]],
  ];
  for (const [role, links] of expected) {
    world.cookies[role] = await freshCookie(server, world.userIds[role]);
    const html = await (await request("GET", role, "/events")).text();
    const nav = html.match(/<nav aria-label="Main"[^>]*>([\s\S]*?)<\/nav>/)?.[1] ?? "";
    const shown = [...nav.matchAll(/<a [^>]*>([^<]+)<\/a>/g)].map((m) => m[1]);
    expect(shown, role).toEqual(links);
  }
});

test("well-formed bodies from someone outside the PD day are refused, and change nothing", async () => {
  // picks and feedback validate before their service checks membership; a
  // well-formed body must still be refused for event B's coordinator. (The
  // matrix signed every role out when it posted to /logout: sign in again.)
  world.cookies.otherCoordinator = await freshCookie(server, world.userIds.otherCoordinator);
  const before = fingerprint(server.dbFile);
  const pick = new URLSearchParams({ intent: "pick", placementId: world.placementId, clientId: "authz-matrix-0001" });
  const picked = await request("POST", "otherCoordinator", `/e/${world.slug}/picks`, pick.toString());
  expect(picked.status).toBe(403);
  const rating = new URLSearchParams({ rating: "5", comment: "great" });
  const rated = await request(
    "POST",
    "otherCoordinator",
    `/e/${world.slug}/sessions/${world.placementId}`,
    rating.toString(),
  );
  expect(rated.status).toBe(403);
  // A circle's thread, from someone not in it (the presenter is in no circle of the world's).
  world.cookies.presenter = await freshCookie(server, world.userIds.presenter);
  const circlePost = new URLSearchParams({ intent: "post", text: "Let me in" });
  const posted = await request(
    "POST",
    "presenter",
    `/e/${world.slug}/circles/${world.circleId}`,
    circlePost.toString(),
  );
  expect(posted.status).toBe(404);
  const takeaway = new URLSearchParams({ intent: "takeaway", text: "I was not there" });
  const tookAway = await request(
    "POST",
    "otherCoordinator",
    `/e/${world.slug}/sessions/${world.placementId}/takeaways`,
    takeaway.toString(),
  );
  expect(tookAway.status).toBe(403);
  const sync = JSON.stringify({
    scans: [{ clientId: "authz-matrix-0002", token: world.badgeToken, scannedAt: new Date().toISOString() }],
  });
  const synced = await request(
    "POST",
    "otherCoordinator",
    `/events/${world.slug}/kiosk/sync`,
    sync,
    "application/json",
  );
  expect(synced.status).toBe(403);
  const after = fingerprint(server.dbFile);
  // The new Session row is the only difference.
  expect({ ...after, Session: "" }).toEqual({ ...before, Session: "" });
});
