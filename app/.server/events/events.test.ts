import { describe, expect, test } from "vitest";
import { db } from "~/utils/db.server";
import { addMember, createEvent as makeEvent, createUser, eventInput } from "../../../tests/factories";
import { NotAllowedError, NotFoundError, RuleError } from "../errors";
import { createEvent, getEventDashboard, getPublicEvent, listEventsFor, setEventStatus, updateEvent } from "./events";

describe("createEvent", () => {
  test("a district coordinator creates a PD day, becomes its coordinator, and it is audited", async () => {
    const district = await createUser({ districtCoordinator: true });
    const event = await createEvent(district.id, eventInput({ name: "Fall Tech Fair" }));

    expect(event).toMatchObject({ name: "Fall Tech Fair", status: "draft", timeZone: "America/Chicago" });
    const memberships = await db.membership.findMany({ where: { eventId: event.id } });
    expect(memberships).toEqual([expect.objectContaining({ userId: district.id, role: "coordinator" })]);
    const audit = await db.auditLog.findMany({ where: { eventId: event.id } });
    expect(audit).toEqual([
      expect.objectContaining({ actorId: district.id, action: "event.created", entity: "Event", entityId: event.id }),
    ]);
  });

  test("a teacher who is not a district coordinator cannot create one", async () => {
    const teacher = await createUser();
    await expect(createEvent(teacher.id, eventInput())).rejects.toBeInstanceOf(NotAllowedError);
    expect(await db.event.count()).toBe(0);
  });

  test("the web address comes from the name and stays unique", async () => {
    const district = await createUser({ districtCoordinator: true });
    const first = await createEvent(district.id, eventInput({ name: "Spring PD Day: Café & Coding!" }));
    const second = await createEvent(district.id, eventInput({ name: "Spring PD Day: Café & Coding!" }));
    const third = await createEvent(district.id, eventInput({ name: "Spring PD Day: Café & Coding!" }));

    expect(first.slug).toBe("spring-pd-day-cafe-coding");
    expect(second.slug).toBe("spring-pd-day-cafe-coding-2");
    expect(third.slug).toBe("spring-pd-day-cafe-coding-3");
  });

  test("a web address another PD day already uses is refused on the slug field", async () => {
    const district = await createUser({ districtCoordinator: true });
    await makeEvent({ slug: "spring-pd-2027" });

    const attempt = createEvent(district.id, eventInput({ slug: "spring-pd-2027" }));
    await expect(attempt).rejects.toBeInstanceOf(RuleError);
    await expect(attempt).rejects.toMatchObject({ field: "slug" });
    expect(await db.event.count()).toBe(1);
  });
});

describe("updateEvent", () => {
  test("the event's coordinator can edit it and the change is audited", async () => {
    const event = await makeEvent();
    const coordinator = await createUser();
    await addMember(event.id, coordinator.id, "coordinator");

    const updated = await updateEvent(
      coordinator.id,
      event.id,
      eventInput({ name: "Renamed PD Day", slug: event.slug }),
    );

    expect(updated.name).toBe("Renamed PD Day");
    const audit = await db.auditLog.findFirstOrThrow({ where: { eventId: event.id, action: "event.updated" } });
    expect(JSON.parse(audit.detail)).toMatchObject({ name: "Renamed PD Day" });
  });

  test.each(["presenter", "attendee", "vendor"] as const)("the event's %s cannot edit it", async (role) => {
    const event = await makeEvent({ name: "Original name" });
    const member = await createUser();
    await addMember(event.id, member.id, role);

    await expect(updateEvent(member.id, event.id, eventInput({ name: "Hijacked" }))).rejects.toBeInstanceOf(
      NotAllowedError,
    );
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).name).toBe("Original name");
  });

  test("an archived PD day must be restored before it can be edited", async () => {
    const district = await createUser({ districtCoordinator: true });
    const event = await makeEvent({ status: "archived", name: "Old day" });

    await expect(updateEvent(district.id, event.id, eventInput({ name: "New name" }))).rejects.toBeInstanceOf(
      RuleError,
    );
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).name).toBe("Old day");
  });

  test("moving to a web address another PD day uses is refused on the slug field", async () => {
    const district = await createUser({ districtCoordinator: true });
    await makeEvent({ slug: "taken-address" });
    const event = await makeEvent();

    await expect(updateEvent(district.id, event.id, eventInput({ slug: "taken-address" }))).rejects.toMatchObject({
      name: "RuleError",
      field: "slug",
    });
  });
});

describe("a coordinator of one PD day and another PD day", () => {
  async function twoEvents() {
    const eventA = await makeEvent({ name: "Day A" });
    const eventB = await makeEvent({ name: "Day B" });
    const coordinatorA = await createUser();
    await addMember(eventA.id, coordinatorA.id, "coordinator");
    return { eventA, eventB, coordinatorA };
  }

  test("cannot edit, change the stage of, or read the dashboard of the other day", async () => {
    const { eventB, coordinatorA } = await twoEvents();

    await expect(updateEvent(coordinatorA.id, eventB.id, eventInput({ name: "Mine now" }))).rejects.toBeInstanceOf(
      NotAllowedError,
    );
    await expect(setEventStatus(coordinatorA.id, eventB.id, "proposals_open")).rejects.toBeInstanceOf(NotAllowedError);
    await expect(getEventDashboard(coordinatorA.id, eventB.slug)).rejects.toBeInstanceOf(NotAllowedError);

    const unchanged = await db.event.findUniqueOrThrow({ where: { id: eventB.id } });
    expect(unchanged).toMatchObject({ name: "Day B", status: "draft" });
  });

  test("can read their own day's dashboard", async () => {
    const { eventA, coordinatorA } = await twoEvents();
    const dashboard = await getEventDashboard(coordinatorA.id, eventA.slug);
    expect(dashboard.event.id).toBe(eventA.id);
    expect(dashboard.people).toEqual({ coordinator: 1 });
  });

  test("a district coordinator can do all three on any day", async () => {
    const { eventB } = await twoEvents();
    const district = await createUser({ districtCoordinator: true });

    await updateEvent(district.id, eventB.id, eventInput({ name: "Day B, revised", slug: eventB.slug }));
    await setEventStatus(district.id, eventB.id, "proposals_open");
    const dashboard = await getEventDashboard(district.id, eventB.slug);

    expect(dashboard.event).toMatchObject({ name: "Day B, revised", status: "proposals_open" });
  });
});

describe("setEventStatus", () => {
  async function districtAndEvent(status = "draft") {
    const district = await createUser({ districtCoordinator: true });
    const event = await makeEvent({ status });
    return { district, event };
  }

  test("draft → proposals_open is allowed and audited", async () => {
    const { district, event } = await districtAndEvent();
    const updated = await setEventStatus(district.id, event.id, "proposals_open");
    expect(updated.status).toBe("proposals_open");
    const audit = await db.auditLog.findFirstOrThrow({ where: { eventId: event.id, action: "event.status_changed" } });
    expect(JSON.parse(audit.detail)).toEqual({ from: "draft", to: "proposals_open" });
  });

  test("draft → live skips stages and is refused", async () => {
    const { district, event } = await districtAndEvent();
    await expect(setEventStatus(district.id, event.id, "live")).rejects.toBeInstanceOf(RuleError);
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).status).toBe("draft");
  });

  test("a stage can step back one (published → scheduling)", async () => {
    const { district, event } = await districtAndEvent("published");
    expect((await setEventStatus(district.id, event.id, "scheduling")).status).toBe("scheduling");
  });

  test("scheduling → published needs a published version; after one, stepping back and on again works", async () => {
    const { district, event } = await districtAndEvent("scheduling");
    await expect(setEventStatus(district.id, event.id, "published")).rejects.toThrow(/Nothing is published yet/);
    await db.scheduleVersion.create({ data: { eventId: event.id, number: 1, snapshot: "{}", changelog: "[]" } });
    expect((await setEventStatus(district.id, event.id, "published")).status).toBe("published");
  });

  test("archived → draft restores a PD day", async () => {
    const { district, event } = await districtAndEvent("archived");
    expect((await setEventStatus(district.id, event.id, "draft")).status).toBe("draft");
  });

  test("archived → published is refused", async () => {
    const { district, event } = await districtAndEvent("archived");
    await expect(setEventStatus(district.id, event.id, "published")).rejects.toBeInstanceOf(RuleError);
  });

  test.each(["draft", "proposals_open", "scheduling", "published", "live"])(
    "%s → archived is allowed",
    async (status) => {
      const { district, event } = await districtAndEvent(status);
      expect((await setEventStatus(district.id, event.id, "archived")).status).toBe("archived");
    },
  );
});

describe("listEventsFor", () => {
  test("a teacher sees only the PD days they belong to, with their roles", async () => {
    const mine = await makeEvent({ name: "Mine" });
    await makeEvent({ name: "Not mine" });
    const teacher = await createUser();
    await addMember(mine.id, teacher.id, "presenter");
    await addMember(mine.id, teacher.id, "attendee");

    const events = await listEventsFor(teacher.id);

    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ id: mine.id, canManage: false });
    expect(events[0]!.roles.sort()).toEqual(["attendee", "presenter"]);
  });

  test("a district coordinator sees every PD day and may manage each", async () => {
    await makeEvent({ name: "One" });
    await makeEvent({ name: "Two" });
    const district = await createUser({ districtCoordinator: true });

    const events = await listEventsFor(district.id);

    expect(events.map((e) => e.name).sort()).toEqual(["One", "Two"]);
    expect(events.every((e) => e.canManage)).toBe(true);
  });
});

describe("getPublicEvent", () => {
  test("a draft PD day is not public", async () => {
    const event = await makeEvent({ status: "draft" });
    await expect(getPublicEvent(event.slug)).rejects.toBeInstanceOf(NotFoundError);
  });

  test("a PD day taking proposals is public", async () => {
    const event = await makeEvent({ status: "proposals_open" });
    expect((await getPublicEvent(event.slug)).id).toBe(event.id);
  });

  test("an archived PD day stays public (its page says it has ended)", async () => {
    const event = await makeEvent({ status: "archived" });
    expect((await getPublicEvent(event.slug)).status).toBe("archived");
  });

  test("an unknown address is not found", async () => {
    await expect(getPublicEvent("no-such-day")).rejects.toBeInstanceOf(NotFoundError);
  });
});
