import { beforeAll, describe, expect, test } from "vitest";
import { addMember, createEvent, createUser } from "tests/factories";
import { db } from "~/utils/db.server";
import { dayPerson } from "../people/day-person";
import { addWalkIn, listRoster, newBadgeToken } from "./roster";
import { previewRoster } from "./roster-file";
import { myBadge } from "./badges";
import {
  importRoster,
  rosterUploadPreview,
  startRosterImport,
  storeRosterUpload,
  warmImportThread,
} from "./roster-import";

// The import runs on its own thread, whose first start loads its modules: not part of any one test.
beforeAll(() => warmImportThread(), 60_000);

const MAPPING = { name: "Full name", lastName: "", email: "Email", school: "School", staffId: "Employee ID" };

async function setup() {
  const event = await createEvent();
  const coordinator = await createUser();
  await addMember(event.id, coordinator.id, "coordinator");
  return { event, coordinator };
}

describe("roster import", () => {
  test("guesses the column mapping and previews the first rows", () => {
    const preview = previewRoster(
      "Full name,Email,School,Employee ID\nAna Ruiz,ana@x.us,Lincoln,E1\nBo Li,bo@x.us,Jefferson,E2\n",
      1,
    );
    expect(preview.mapping).toEqual(MAPPING);
    expect(preview.total).toBe(2);
    expect(preview.rows).toEqual([
      { "Full name": "Ana Ruiz", Email: "ana@x.us", School: "Lincoln", "Employee ID": "E1" },
    ]);
  });

  test("imports good rows and reports each bad row by its spreadsheet row number", async () => {
    const { event, coordinator } = await setup();
    const csv = [
      "Full name,Email,School,Employee ID",
      "Ana Ruiz,ana.ruiz@springfield.k12.us,Lincoln Elementary,E100",
      "Bo Li,not-an-email,Jefferson High,E101",
      ",nobody@springfield.k12.us,Jefferson High,E102",
      "Cy Park,ANA.RUIZ@springfield.k12.us,Roosevelt,E103",
      "Di Ng,di.ng@springfield.k12.us,,",
    ].join("\n");
    const result = await importRoster(coordinator.id, event.id, csv, MAPPING);
    expect(result.imported).toBe(2);
    expect(result.errors).toEqual([
      { row: 3, message: "Enter a valid email address." },
      { row: 4, message: "Enter the person's name." },
      { row: 5, message: "ana.ruiz@springfield.k12.us is already on row 2." },
    ]);
    const ana = await db.user.findUniqueOrThrow({ where: { email: "ana.ruiz@springfield.k12.us" } });
    expect(await dayPerson(event.id, ana.id)).toMatchObject({
      name: "Ana Ruiz",
      school: "Lincoln Elementary",
      staffId: "E100",
    });
    const members = await db.membership.findMany({ where: { eventId: event.id, role: "attendee" } });
    expect(members).toHaveLength(2);
    expect(members.every((m) => m.badgeToken && m.badgeToken.length === 22)).toBe(true);
  });

  test("re-importing updates people by email instead of duplicating them, and keeps their badge", async () => {
    const { event, coordinator } = await setup();
    await importRoster(
      coordinator.id,
      event.id,
      "Full name,Email,School,Employee ID\nAna Ruiz,ana.r@springfield.k12.us,Lincoln,E1\n",
      MAPPING,
    );
    const before = await db.membership.findFirstOrThrow({ where: { eventId: event.id, role: "attendee" } });
    const again = await importRoster(
      coordinator.id,
      event.id,
      "Full name,Email,School,Employee ID\nAna Ruiz-Soto,Ana.R@springfield.k12.us,Roosevelt,E1\n",
      MAPPING,
    );
    expect(again).toMatchObject({ created: 0, updated: 1 });
    expect(await db.user.count({ where: { email: "ana.r@springfield.k12.us" } })).toBe(1);
    const ana = await db.user.findUniqueOrThrow({ where: { email: "ana.r@springfield.k12.us" } });
    expect(await dayPerson(event.id, ana.id)).toMatchObject({ name: "Ana Ruiz-Soto", school: "Roosevelt" });
    const after = await db.membership.findMany({ where: { eventId: event.id, role: "attendee" } });
    expect(after).toHaveLength(1);
    expect(after[0]!.badgeToken).toBe(before.badgeToken);
  });

  test("an attendee cannot import a roster or add a walk-in", async () => {
    const { event } = await setup();
    const attendee = await createUser();
    await addMember(event.id, attendee.id, "attendee");
    await expect(importRoster(attendee.id, event.id, "Full name,Email\nA,a@x.us", MAPPING)).rejects.toThrow(
      "coordinators",
    );
    await expect(
      addWalkIn(attendee.id, event.id, { name: "A", email: "a@x.us", school: "", staffId: "" }),
    ).rejects.toThrow("coordinators");
  });

  test("a walk-in becomes an attendee with a badge token", async () => {
    const { event, coordinator } = await setup();
    const { user, membership } = await addWalkIn(coordinator.id, event.id, {
      name: "Eve Walker",
      email: "eve@springfield.k12.us",
      school: "Lincoln",
      staffId: "",
    });
    expect(user.name).toBe("Eve Walker");
    expect(membership).toMatchObject({ role: "attendee", eventId: event.id });
    expect(membership.badgeToken).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});

describe("a PD day's roster is that day's (issue 13, finding 3)", () => {
  test("day B's import and walk-in rename nobody on day A, nor the person's account", async () => {
    const dayA = await setup();
    const dayB = await setup();
    const maria = await createUser({
      name: "Maria Lopez",
      email: "maria.lopez@springfield.k12.us",
      school: "Lincoln Elementary",
      staffId: "E1",
    });
    await importRoster(
      dayA.coordinator.id,
      dayA.event.id,
      "Full name,Email,School,Employee ID\nMaria Lopez,maria.lopez@springfield.k12.us,Lincoln Elementary,E1\n",
      MAPPING,
    );

    // B's coordinator types other values for the same address, twice over.
    await importRoster(
      dayB.coordinator.id,
      dayB.event.id,
      "Full name,Email,School,Employee ID\nMallory Hacker,maria.lopez@springfield.k12.us,Nowhere High,X999\n",
      MAPPING,
    );
    await addWalkIn(dayB.coordinator.id, dayB.event.id, {
      name: "M. Hacker",
      email: "maria.lopez@springfield.k12.us",
      school: "Nowhere High",
      staffId: "X998",
    });

    expect(await dayPerson(dayA.event.id, maria.id)).toMatchObject({
      name: "Maria Lopez",
      school: "Lincoln Elementary",
      staffId: "E1",
    });
    expect(await db.user.findUniqueOrThrow({ where: { id: maria.id } })).toMatchObject({
      name: "Maria Lopez",
      school: "Lincoln Elementary",
      staffId: "E1",
    });
    // Day B sees what its own coordinator typed.
    expect(await dayPerson(dayB.event.id, maria.id)).toMatchObject({
      name: "M. Hacker",
      school: "Nowhere High",
      staffId: "X998",
    });
  });

  test("an empty day value falls back to the account's own", async () => {
    const { event, coordinator } = await setup();
    const kim = await createUser({ name: "Kim Park", school: "Roosevelt Middle", staffId: "E7" });
    await addWalkIn(coordinator.id, event.id, { name: "Kim Park", email: kim.email, school: "", staffId: "" });
    expect(await dayPerson(event.id, kim.id)).toMatchObject({
      name: "Kim Park",
      school: "Roosevelt Middle",
      staffId: "E7",
    });
  });
});

describe("badge tokens", () => {
  test("an attendee has a badge token from the moment they join, however they joined; opening the badge writes nothing", async () => {
    const event = await createEvent();
    const joiner = await createUser();
    // Made the way a sign-in code, a sign-up or an invitation makes it: no token given.
    const joined = await db.membership.create({ data: { eventId: event.id, userId: joiner.id, role: "attendee" } });
    expect(joined.badgeToken).toBeNull();
    const stored = await db.membership.findUniqueOrThrow({ where: { id: joined.id } });
    expect(stored.badgeToken).toMatch(/^[0-9a-f]{32}$/);
    // A door volunteer made an attendee gets one too.
    const volunteer = await createUser();
    const door = await db.membership.create({ data: { eventId: event.id, userId: volunteer.id, role: "door" } });
    await db.membership.update({ where: { id: door.id }, data: { role: "attendee" } });
    expect((await db.membership.findUniqueOrThrow({ where: { id: door.id } })).badgeToken).toMatch(/^[0-9a-f]{32}$/);

    const badge = await myBadge(joiner.id, event.id, event.slug);
    expect(badge.code).toBe(`${stored.shortCode!.slice(0, 4)}-${stored.shortCode!.slice(4)}`);
    expect(await db.membership.findUniqueOrThrow({ where: { id: joined.id } })).toEqual(stored);
  });

  test("are 128 random bits, unique, and not derived from the email or id", async () => {
    const tokens = Array.from({ length: 2000 }, () => newBadgeToken());
    expect(new Set(tokens).size).toBe(tokens.length);
    for (const token of tokens.slice(0, 20)) expect(Buffer.from(token, "base64url")).toHaveLength(16);
    // Same person on two PD days: two unrelated tokens, neither containing what is printed elsewhere.
    const person = await createUser({ email: "same.person@springfield.k12.us" });
    const [e1, e2] = [await createEvent(), await createEvent()];
    const coordinator = await createUser({ districtCoordinator: true });
    const m1 = (
      await addWalkIn(coordinator.id, e1.id, { name: person.name, email: person.email, school: "", staffId: "" })
    ).membership;
    const m2 = (
      await addWalkIn(coordinator.id, e2.id, { name: person.name, email: person.email, school: "", staffId: "" })
    ).membership;
    expect(m1.badgeToken).not.toBe(m2.badgeToken);
    for (const token of [m1.badgeToken!, m2.badgeToken!]) {
      const decoded = Buffer.from(token, "base64url").toString("latin1");
      expect(token).not.toContain(person.id);
      expect(decoded).not.toContain("same.person");
      expect(token.toLowerCase()).not.toContain("same");
    }
  });
});

describe("an HR or SIS export (issue 20)", () => {
  test("common column names are recognised, and split names are matched as first + last", () => {
    expect(
      previewRoster("Last Name,First Name,E-mail,Building,Employee ID\nRuiz,Ana,ana@x.us,Lincoln,E1\n").mapping,
    ).toEqual({
      name: "First Name",
      lastName: "Last Name",
      email: "E-mail",
      school: "Building",
      staffId: "Employee ID",
    });
    expect(
      previewRoster("Surname,Given Name,Staff Email,Location,Emp ID\nRuiz,Ana,ana@x.us,Lincoln,E1\n").mapping,
    ).toEqual({
      name: "Given Name",
      lastName: "Surname",
      email: "Staff Email",
      school: "Location",
      staffId: "Emp ID",
    });
    expect(
      previewRoster("Employee Number,Full Name,Email Address,School Name,Site\nE1,Ana Ruiz,ana@x.us,Lincoln,North\n")
        .mapping,
    ).toEqual({
      name: "Full Name",
      lastName: "",
      email: "Email Address",
      school: "School Name",
      staffId: "Employee Number",
    });
    expect(previewRoster("Staff ID,Name,Work Email,Site\nE1,Ana Ruiz,ana@x.us,Lincoln\n").mapping).toMatchObject({
      staffId: "Staff ID",
      email: "Work Email",
      school: "Site",
    });
  });

  test("two name columns are joined as the day's name; a brand-new PD day counts everyone as added, accounts or not", async () => {
    const { event, coordinator } = await setup();
    // Two of the three already have Dropin accounts (from another PD day).
    await createUser({ name: "Ana Ruiz", email: "ana.hr@springfield.k12.us" });
    await createUser({ name: "Bo Li", email: "bo.hr@springfield.k12.us" });
    const csv =
      "Last Name,First Name,E-mail,Building,Employee ID\nRuiz,Ana,ana.hr@springfield.k12.us,Lincoln,E1\nLi,Bo,bo.hr@springfield.k12.us,Jefferson,E2\nPark,Cy,cy.hr@springfield.k12.us,Roosevelt,E3\n";
    const mapping = {
      name: "First Name",
      lastName: "Last Name",
      email: "E-mail",
      school: "Building",
      staffId: "Employee ID",
    };
    expect(await importRoster(coordinator.id, event.id, csv, mapping)).toMatchObject({
      imported: 3,
      created: 3,
      updated: 0,
    });
    const cy = await db.user.findUniqueOrThrow({ where: { email: "cy.hr@springfield.k12.us" } });
    expect(await dayPerson(event.id, cy.id)).toMatchObject({ name: "Cy Park", school: "Roosevelt", staffId: "E3" });
    // The same file again: everyone is already on this day's roster.
    expect(await importRoster(coordinator.id, event.id, csv, mapping)).toMatchObject({
      imported: 3,
      created: 0,
      updated: 3,
    });
  });

  test("a matching the file cannot satisfy is refused beside its field, and the file stays for another try", async () => {
    const { event, coordinator } = await setup();
    const uploadId = await storeRosterUpload(
      coordinator.id,
      event.id,
      "hr.csv",
      "Last Name,First Name,E-mail\nRuiz,Ana,ana@x.us\n",
    );
    const sameTwice = { name: "Last Name", lastName: "Last Name", email: "E-mail", school: "", staffId: "" };
    await expect(startRosterImport(coordinator.id, event.id, uploadId, sameTwice)).rejects.toMatchObject({
      field: "lastName",
    });
    const noSuchColumn = { name: "First Name", lastName: "", email: "Email", school: "", staffId: "" };
    await expect(startRosterImport(coordinator.id, event.id, uploadId, noSuchColumn)).rejects.toMatchObject({
      field: "email",
      message: "The file has no column “Email”.",
    });
    expect(await rosterUploadPreview(coordinator.id, event.id, uploadId)).toMatchObject({
      fileName: "hr.csv",
      total: 1,
    });
    // Another coordinator of the same day does not see this one's pending file.
    const other = await createUser();
    await addMember(event.id, other.id, "coordinator");
    await expect(rosterUploadPreview(other.id, event.id, uploadId)).rejects.toThrow("no longer here");
  });
});

describe("the roster list", () => {
  test("pages 100 at a time by name and finds a name or email in any case", async () => {
    const { event, coordinator } = await setup();
    const lines = ["Full name,Email"];
    for (let i = 1; i <= 250; i++) lines.push(`Teacher ${String(i).padStart(3, "0")},t${i}.list@springfield.k12.us`);
    lines.push("Zoë O'Brien,zoe_obrien@springfield.k12.us");
    await importRoster(coordinator.id, event.id, lines.join("\n"), { name: "Full name", email: "Email" });
    const first = await listRoster(coordinator.id, event.id);
    expect(first).toMatchObject({ onRoster: 251, matching: 251, page: 1, pages: 3, first: 1 });
    expect(first.people).toHaveLength(100);
    expect(first.people[0]!.name).toBe("Teacher 001");
    const third = await listRoster(coordinator.id, event.id, { page: 3 });
    expect(third.people.map((p) => p.name)).toEqual([
      "Teacher 201",
      ...third.people.slice(1, -1).map((p) => p.name),
      "Zoë O'Brien",
    ]);
    expect(third.people).toHaveLength(51);
    // Past the end: the last page.
    expect((await listRoster(coordinator.id, event.id, { page: 99 })).page).toBe(3);
    expect((await listRoster(coordinator.id, event.id, { q: "teacher 12" })).people.map((p) => p.name)).toEqual(
      Array.from({ length: 10 }, (_, i) => `Teacher ${120 + i}`),
    );
    expect((await listRoster(coordinator.id, event.id, { q: "T7.LIST@" })).people.map((p) => p.email)).toEqual([
      "t7.list@springfield.k12.us",
    ]);
    // "_" is a letter to the coordinator, not a wildcard.
    expect((await listRoster(coordinator.id, event.id, { q: "e_o" })).matching).toBe(1);
    expect((await listRoster(coordinator.id, event.id, { q: "nobody" })).matching).toBe(0);
  });
});
