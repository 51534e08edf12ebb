// One badge scanned at many kiosks at the same instant makes one check-in.
import crypto from "node:crypto";
import { expect, test } from "vitest";
import { db } from "~/utils/db.server";
import { addMember, createAttendee, createEvent, createUser } from "../../../tests/factories";
import { checkInByToken, syncQueued } from "./door";

/** A PD day with a door volunteer and one attendee's badge. */
async function doorWithOneBadge() {
  const event = await createEvent();
  const volunteer = await createUser();
  await addMember(event.id, volunteer.id, "coordinator");
  const { token } = await createAttendee(event.id);
  return { event, volunteer, token };
}

test("50 simultaneous scans of one badge (live and queued uploads): one checked_in, 49 already, one row", async () => {
  const { event, volunteer, token } = await doorWithOneBadge();

  const statuses = await Promise.all(
    Array.from({ length: 50 }, async (_, i) =>
      i % 2
        ? (await checkInByToken(volunteer.id, event.id, token)).status
        : (
            await syncQueued(volunteer.id, event.id, [{ clientId: crypto.randomUUID(), token, scannedAt: new Date() }])
          )[0]!.result.status,
    ),
  );
  expect(statuses.filter((s) => s === "checked_in")).toHaveLength(1);
  expect(statuses.filter((s) => s === "already")).toHaveLength(49);
  expect(await db.doorCheckIn.count({ where: { eventId: event.id } })).toBe(1);
});

// Check-ins write through a second SQLite connection (app/utils/sqlite.server.ts).
// A Prisma transaction that reads, waits, then writes must neither fail with
// SQLITE_BUSY_SNAPSHOT nor freeze the process: the check-in waits its turn.
test("a coordinator's transaction and a door check-in at the same moment both succeed", async () => {
  const { event, volunteer, token } = await doorWithOneBadge();

  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const transaction = db.$transaction(async (tx) => {
    await tx.room.count({ where: { eventId: event.id } });
    await gate;
    return tx.room.create({ data: { eventId: event.id, name: "Library", capacity: 30 } });
  });
  await new Promise((resolve) => setTimeout(resolve, 20));
  const checkIn = checkInByToken(volunteer.id, event.id, token);
  // The event loop is free while the check-in waits: timers still fire.
  await new Promise((resolve) => setTimeout(resolve, 50));
  release();

  await expect(transaction).resolves.toMatchObject({ name: "Library" });
  await expect(checkIn).resolves.toMatchObject({ status: "checked_in" });
  expect(await db.doorCheckIn.count({ where: { eventId: event.id } })).toBe(1);
});
