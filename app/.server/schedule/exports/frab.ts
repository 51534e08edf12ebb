// The published version as a frab/c3voc schedule.json, the format offline schedule
// apps (Giggity, ConfClerk, EventFahrplan) and pretalx read. Validated in tests
// against the shared schema, so field shapes follow it exactly.
import crypto from "node:crypto";
import { appLink } from "../../outbox/outbox";
import type { ScheduleSnapshot } from "../snapshot";
import { durationHHMM, isoWithOffset } from "../times";

// A fixed namespace for Dropin's name-based (v5) UUIDs: the same session, room or
// person gets the same guid in every export and every version.
const DROPIN_NAMESPACE = "6f1c2a9e-3b7d-5e10-9a4c-2d8b0e7f1a35";

export function uuidV5(name: string, namespace = DROPIN_NAMESPACE) {
  const ns = Buffer.from(namespace.replace(/-/g, ""), "hex");
  const hash = crypto
    .createHash("sha1")
    .update(Buffer.concat([ns, Buffer.from(name, "utf8")]))
    .digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A positive integer that stays the same for the same placement (frab's legacy id). */
function stableInt(value: string) {
  return (crypto.createHash("sha1").update(value).digest().readUInt32BE(0) % 2_000_000_000) + 1;
}

function slugPart(text: string) {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 50)
    .replace(/-+$/g, "");
}

/** The schema's acronym allows letters, digits and underscores, at least four characters. */
function acronym(slug: string) {
  const base = slug.toLowerCase().replace(/[^a-z0-9_]/g, "_");
  return base.length >= 4 ? base : base.padEnd(4, "_");
}

const FORMAT_TYPES: Record<string, string> = {
  hands_on: "workshop",
  demo: "talk",
  discussion: "discussion",
  playground: "hands-on",
};

export function frabSchedule(snapshot: ScheduleSnapshot, versionNumber: number) {
  const { event } = snapshot;
  const zone = event.timeZone;
  const code = acronym(event.slug);
  const rooms: Record<string, unknown[]> = {};
  for (const room of snapshot.rooms) rooms[room.name] = [];
  for (const session of snapshot.sessions) {
    (rooms[session.roomName] ??= []).push({
      guid: uuidV5(`dropin:placement:${session.placementId}`),
      id: stableInt(session.placementId),
      date: isoWithOffset(event.date, session.startTime, zone),
      start: session.startTime,
      end: isoWithOffset(event.date, session.endTime, zone),
      duration: durationHHMM(session.startTime, session.endTime),
      room: session.roomName,
      slug: `${code.replace(/_/g, "-")}-${stableInt(session.placementId)}-${slugPart(session.title) || "session"}`.replace(
        /-+$/g,
        "",
      ),
      url: appLink(`/e/${event.slug}#session-${session.placementId}`),
      title: session.title,
      subtitle: null,
      track: session.tags[0] ?? null,
      type: FORMAT_TYPES[session.format] ?? "other",
      language: "en",
      abstract: session.summary,
      description: session.audience.length ? `For: ${session.audience.join(", ")}` : null,
      persons: session.presenters.map((p) => ({ name: p.name, guid: uuidV5(`dropin:user:${p.userId}`) })),
      links: [],
    });
  }
  const zoneMatches = /^([A-Z][a-z]+\/[A-Z][a-z]+)|UTC$/.test(zone);
  return {
    $schema: "https://c3voc.de/schedule/schema.json",
    generator: { name: "Dropin" },
    schedule: {
      version: `v${versionNumber}`,
      base_url: appLink(`/e/${event.slug}/`),
      conference: {
        acronym: code,
        title: event.name,
        ...(event.description ? { description: event.description } : {}),
        start: event.date,
        end: event.date,
        daysCount: 1,
        timeslot_duration: "00:05",
        ...(zoneMatches ? { time_zone_name: zone } : {}),
        url: appLink(`/e/${event.slug}`),
        rooms: snapshot.rooms.map((r) => ({
          name: r.name,
          guid: uuidV5(`dropin:room:${r.id}`),
          capacity: r.capacity,
          ...(r.building || r.floor
            ? { description: [r.building, r.floor && `floor ${r.floor}`].filter(Boolean).join(", ") }
            : {}),
        })),
        days: [
          {
            index: 1,
            date: event.date,
            day_start: isoWithOffset(event.date, event.startTime, zone),
            day_end: isoWithOffset(event.date, event.endTime, zone),
            rooms,
          },
        ],
      },
    },
  };
}
