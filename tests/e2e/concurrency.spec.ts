// Races, over real HTTP against the production server: many kiosks scanning one
// badge at the same instant, and several coordinators moving the same session
// on grids they loaded at the same version.
import crypto from "node:crypto";
import { decode } from "turbo-stream";
import { sameOrigin } from "../support/same-origin";
import { cookieFor, createEvent, createUser, db, expect, test, unique } from "./support";

const STALE = "Someone else changed this session since you loaded the grid — reload to see their change.";

/**
 * POST a form to a route's action the way Remix's fetchers and <Form> do with
 * single fetch (`<path>.data`), decoding the turbo-stream answer.
 */
async function submit(url: string, cookie: string, fields: Record<string, string>) {
  const response = await fetch(url, {
    method: "POST",
    headers: { cookie, "content-type": "application/x-www-form-urlencoded", ...sameOrigin(url) },
    body: new URLSearchParams(fields),
  });
  const decoded = await decode(response.body!);
  await decoded.done;
  return { status: response.status, data: (decoded.value as { data?: unknown }).data };
}

async function attendee(eventId: string) {
  const user = await db().user.create({
    data: { name: "Keisha Reyes", email: `${unique("att")}@springfield.k12.test`.toLowerCase() },
  });
  const token = crypto.randomBytes(16).toString("base64url");
  await db().membership.create({ data: { eventId, userId: user.id, role: "attendee", badgeToken: token } });
  return { user, token };
}

test.describe("concurrency", () => {
  test("200 simultaneous check-ins of one badge make exactly one check-in", async ({ baseURL }) => {
    const volunteer = await createUser({ name: "Val Volunteer" });
    const event = await createEvent(volunteer.id, { name: "Race Day", status: "live" });
    const keisha = await attendee(event.id);
    const cookie = await cookieFor(volunteer.id);

    const answers = await Promise.all(
      Array.from({ length: 200 }, async () => {
        const response = await fetch(`${baseURL}/events/${event.slug}/kiosk/sync`, {
          method: "POST",
          headers: { "content-type": "application/json", cookie, ...sameOrigin(baseURL!) },
          body: JSON.stringify({
            scans: [{ clientId: crypto.randomUUID(), token: keisha.token, scannedAt: new Date().toISOString() }],
          }),
        });
        expect(response.status).toBe(200);
        return ((await response.json()) as { results: { status: string }[] }).results[0]!.status;
      }),
    );
    expect(answers.filter((s) => s === "checked_in")).toHaveLength(1);
    expect(answers.filter((s) => s === "already")).toHaveLength(199);
    expect(await db().doorCheckIn.count({ where: { eventId: event.id } })).toBe(1);
  });

  test("a burst through the kiosk page's own form makes exactly one check-in", async ({ baseURL }) => {
    const volunteer = await createUser({ name: "Val Volunteer" });
    const event = await createEvent(volunteer.id, { name: "Form Race Day", status: "live" });
    const tom = await attendee(event.id);
    const cookie = await cookieFor(volunteer.id);
    // What the kiosk's badge form posts (a typed code, or the badge URL a scanner reads).
    const url = `${baseURL}/events/${event.slug}/kiosk.data`;

    const panels = await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const answer = await submit(url, cookie, {
          intent: "token",
          token: i % 2 ? tom.token : `${baseURL}/events/${event.slug}/kiosk?token=${tom.token}`,
        });
        expect(answer.status).toBe(200);
        return (answer.data as { panel: { status: string; title: string } }).panel;
      }),
    );
    expect(panels.filter((p) => p.status === "checked_in")).toHaveLength(1);
    expect(panels.filter((p) => p.status === "already")).toHaveLength(39);
    expect(panels.find((p) => p.status === "already")!.title).toMatch(/^Already checked in at \d{1,2}:\d{2} [AP]M$/);
    expect(await db().doorCheckIn.count({ where: { eventId: event.id } })).toBe(1);
  });

  test("simultaneous grid moves of one session: one applies, the others are told someone else changed it", async ({
    baseURL,
  }) => {
    const COORDINATORS = 8;
    const lead = await createUser({ name: "Dana Whitfield" });
    const event = await createEvent(lead.id, { name: "Grid Race Day", status: "scheduling" });
    const others = await Promise.all(
      Array.from({ length: COORDINATORS - 1 }, () => createUser({ name: "Co Ordinator" })),
    );
    await db().membership.createMany({
      data: others.map((u) => ({ eventId: event.id, userId: u.id, role: "coordinator" })),
    });
    const coordinators = [lead, ...others];
    const rooms = await Promise.all(
      Array.from({ length: COORDINATORS + 1 }, (_, i) =>
        db().room.create({ data: { eventId: event.id, name: `Room ${100 + i}`, capacity: 30, sortOrder: i } }),
      ),
    );
    const block = await db().timeBlock.create({
      data: { eventId: event.id, label: "Block 1", startTime: "09:00", endTime: "09:50" },
    });
    const proposal = await db().proposal.create({
      data: {
        eventId: event.id,
        presenterId: lead.id,
        title: "Station Rotation with Chromebooks",
        state: "accepted",
        summary: "Hands-on.",
      },
    });
    const placement = await db().placement.create({
      data: { eventId: event.id, proposalId: proposal.id, roomId: rooms[0]!.id, timeBlockId: block.id },
    });
    expect(placement.version).toBe(1);
    const cookies = await Promise.all(coordinators.map((c) => cookieFor(c.id)));

    // Every coordinator loaded the grid at version 1 and drops the session in a different room at once.
    // What the drag-and-drop fetcher posts.
    const url = `${baseURL}/events/${event.slug}/grid.data`;
    const answers = await Promise.all(
      cookies.map(async (cookie, i) => {
        const move = {
          intent: "move",
          placementId: placement.id,
          roomId: rooms[i + 1]!.id,
          timeBlockId: block.id,
          version: "1",
          _via: "dnd",
        };
        const answer = await submit(url, cookie, move);
        return { room: rooms[i + 1]!.id, status: answer.status, body: answer.data as { ok: boolean; message: string } };
      }),
    );
    const winners = answers.filter((a) => a.status === 200);
    expect(winners).toHaveLength(1);
    expect(winners[0]!.body).toEqual({ ok: true, message: "Session moved." });
    const losers = answers.filter((a) => a.status !== 200);
    expect(losers).toHaveLength(COORDINATORS - 1);
    for (const loser of losers) {
      expect(loser.status).toBe(409);
      expect(loser.body).toEqual({ ok: false, message: STALE });
    }

    const after = await db().placement.findUniqueOrThrow({ where: { id: placement.id } });
    expect(after.roomId).toBe(winners[0]!.room);
    expect(after.version).toBe(2);
    const log = await db().auditLog.findMany({
      where: { eventId: event.id, entity: "Placement", entityId: placement.id },
    });
    expect(log.map((entry) => entry.action)).toEqual(["placement.moved"]);
    expect(JSON.parse(log[0]!.detail)).toMatchObject({
      before: [{ roomId: rooms[0]!.id, version: 1 }],
      after: [{ roomId: winners[0]!.room, version: 2 }],
    });

    // A second round from grids loaded after the first move: again exactly one wins.
    const round2 = await Promise.all(
      cookies.slice(0, 4).map(async (cookie, i) => {
        const move = {
          intent: "move",
          placementId: placement.id,
          roomId: rooms[i]!.id,
          timeBlockId: block.id,
          version: "2",
          _via: "dnd",
        };
        return (await submit(url, cookie, move)).status;
      }),
    );
    expect(round2.sort()).toEqual([200, 409, 409, 409]);
    expect((await db().placement.findUniqueOrThrow({ where: { id: placement.id } })).version).toBe(3);
    expect(await db().auditLog.count({ where: { entityId: placement.id, action: "placement.moved" } })).toBe(2);
  });
});
