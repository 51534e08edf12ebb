import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createAttendee, createPublishedDay, createUser } from "tests/factories";
import { db } from "~/utils/db.server";
import { NotAllowedError, NotFoundError, RuleError } from "../errors";
import { DOCX, PDF, sniffFile, uploadsDir } from "../uploads/stored-files";
import { hideSessionPost, sessionPostsFor } from "./takeaways";
import { addSessionResourceFile, readSessionResourceFile, removeSessionResource } from "./resources";

// 2027-03-12 in Chicago is UTC-6: block 1 (09:00–09:50) starts at 15:00 UTC.
const BEFORE = new Date("2027-03-12T14:55:00Z");
const DURING = new Date("2027-03-12T15:20:00Z");
const HANDOUT = { intent: "file" as const, label: "Handout" };
const pdf = (size = 2000) => {
  const bytes = new Uint8Array(size).fill(0x20);
  bytes.set(new TextEncoder().encode("%PDF-1.7\n"));
  return bytes;
};
const text = (s: string) => new TextEncoder().encode(s);

async function dayWithPeople() {
  const day = await createPublishedDay();
  const there = (await createAttendee(day.event.id, { name: "Ann Present" })).user;
  await db.pick.create({
    data: { eventId: day.event.id, userId: there.id, placementId: day.a1.id, proposalId: day.a1.proposalId },
  });
  const absent = (await createAttendee(day.event.id, { name: "Abe Elsewhere" })).user;
  return { ...day, there, absent };
}

const stored = (name: string) => path.join(uploadsDir(), name);

describe("resource files", () => {
  it("a presenter uploads one; it is stored under a random name and served to the session's people only", async () => {
    const { event, a1, presenter, there, absent, coordinator } = await dayWithPeople();
    const post = await addSessionResourceFile(
      presenter.id,
      event.slug,
      a1.id,
      HANDOUT,
      { name: 'C:\\Users\\me\\Exit tickets "v2".PDF', bytes: pdf() },
      DURING,
    );
    expect(post.storedName).toMatch(/^[0-9a-f]{32}\.pdf$/);
    expect(post.fileName).toBe("Exit tickets v2.pdf");
    // Flat in the uploads folder, which every backup carries whole (ops/backup.ts).
    expect(fs.existsSync(stored(post.storedName))).toBe(true);

    const file = await readSessionResourceFile(there.id, event.slug, a1.id, post.id);
    expect(file).toMatchObject({ type: "application/pdf", isImage: false, fileName: "Exit tickets v2.pdf" });
    expect(file.bytes.byteLength).toBe(2000);
    await readSessionResourceFile(coordinator.id, event.slug, a1.id, post.id);
    // Someone who was not there, and someone from outside the PD day, get nothing.
    await expect(readSessionResourceFile(absent.id, event.slug, a1.id, post.id)).rejects.toBeInstanceOf(
      NotAllowedError,
    );
    await expect(readSessionResourceFile((await createUser()).id, event.slug, a1.id, post.id)).rejects.toBeInstanceOf(
      NotAllowedError,
    );
    // The page lists it with its kind and size, never the stored name.
    const page = await sessionPostsFor(there.id, event.slug, a1.id, DURING);
    expect(page.resources).toEqual([
      expect.objectContaining({
        text: "Handout",
        file: { name: "Exit tickets v2.pdf", type: "application/pdf", bytes: 2000 },
      }),
    ]);
    expect(JSON.stringify(page)).not.toContain(post.storedName);
  });

  it("a post id from another session does not open its file through this one", async () => {
    const { event, a1, b1, presenter, there } = await dayWithPeople();
    const post = await addSessionResourceFile(
      presenter.id,
      event.slug,
      a1.id,
      HANDOUT,
      { name: "h.pdf", bytes: pdf() },
      DURING,
    );
    await expect(readSessionResourceFile(there.id, event.slug, b1.id, post.id)).rejects.toBeInstanceOf(NotAllowedError);
    const other = await createAttendee(event.id);
    await db.pick.create({
      data: { eventId: event.id, userId: other.user.id, placementId: b1.id, proposalId: b1.proposalId },
    });
    await expect(readSessionResourceFile(other.user.id, event.slug, b1.id, post.id)).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it("only allowed types, by their first bytes, within the size limit, once the session started, from its presenters", async () => {
    const { event, a1, presenter, there } = await dayWithPeople();
    const upload = (bytes: Uint8Array, name = "x.pdf", who = presenter.id, now = DURING) =>
      addSessionResourceFile(who, event.slug, a1.id, HANDOUT, { name, bytes }, now);
    // HTML or SVG named like a PDF: refused, whatever the name says.
    await expect(upload(text("<html><script>alert(1)</script>"))).rejects.toMatchObject({ field: "file" });
    await expect(
      upload(text('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), "slides.pdf"),
    ).rejects.toMatchObject({ field: "file" });
    await expect(upload(new Uint8Array())).rejects.toMatchObject({
      field: "file",
      message: "Choose a file to upload.",
    });
    await expect(upload(pdf(10_000_001))).rejects.toMatchObject({
      field: "file",
      message: "Use a file of at most 10 MB.",
    });
    await expect(upload(pdf(), "x.pdf", presenter.id, BEFORE)).rejects.toBeInstanceOf(RuleError);
    await expect(upload(pdf(), "x.pdf", there.id)).rejects.toBeInstanceOf(NotAllowedError);
    expect(await db.sessionPost.count({ where: { kind: "resource" } })).toBe(0);
    // A plain ZIP is not a Word file; one with Word's folder is.
    const zip = (folder: string) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...text(`....${folder}/document.xml`)]);
    expect(sniffFile(zip("misc"), [DOCX, PDF])).toBeNull();
    expect(sniffFile(zip("word"), [DOCX, PDF])).toBe(DOCX);
  });

  it("a presenter removes one (the file goes with it); a hidden one is served to coordinators only", async () => {
    const { event, a1, presenter, there, coordinator } = await dayWithPeople();
    const kept = await addSessionResourceFile(
      presenter.id,
      event.slug,
      a1.id,
      HANDOUT,
      { name: "a.pdf", bytes: pdf() },
      DURING,
    );
    const gone = await addSessionResourceFile(
      presenter.id,
      event.slug,
      a1.id,
      { intent: "file", label: "Old slides" },
      { name: "b.pdf", bytes: pdf() },
      DURING,
    );
    await expect(removeSessionResource(there.id, event.slug, a1.id, gone.id)).rejects.toBeInstanceOf(NotAllowedError);
    await expect(removeSessionResource(coordinator.id, event.slug, a1.id, gone.id)).rejects.toBeInstanceOf(
      NotAllowedError,
    );
    await removeSessionResource(presenter.id, event.slug, a1.id, gone.id);
    expect(fs.existsSync(stored(gone.storedName))).toBe(false);
    await expect(removeSessionResource(presenter.id, event.slug, a1.id, gone.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(readSessionResourceFile(there.id, event.slug, a1.id, gone.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await sessionPostsFor(there.id, event.slug, a1.id, DURING)).resources.map((r) => r.text)).toEqual([
      "Handout",
    ]);

    await hideSessionPost(coordinator.id, event.slug, kept.id);
    await expect(readSessionResourceFile(there.id, event.slug, a1.id, kept.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await readSessionResourceFile(coordinator.id, event.slug, a1.id, kept.id)).fileName).toBe("a.pdf");
  });
});
