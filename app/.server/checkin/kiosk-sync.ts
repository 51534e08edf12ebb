// The kiosk's JSON check-in API (POST /events/<slug>/kiosk/sync): queued scans
// in, one answer per scan out. The Express server answers the path itself
// (server/hot-paths.ts), skipping Remix's request conversion on the morning's
// busiest endpoint; the Remix route calls the same function for anything else
// that serves the build (a test's request handler).
import { z } from "zod";
import { PersonSchema } from "~/schemas/checkin";
import { fromDbTime, statement } from "~/utils/sqlite.server";
import { sessionIdFromCookie } from "../accounts/session-cookie";
import { findSessionUser } from "../accounts/sessions";
import { jsonAnswer, NotFoundError } from "../errors";
import { tokenFromScan } from "./badges";
import { assertDoorVolunteer, clockTime, doorCounts, syncQueued, type CheckInResult } from "./door";

export const SyncSchema = z.object({
  scans: z
    .array(
      z.object({
        clientId: z.string().min(8).max(64),
        token: z.string().max(300).optional(),
        userId: z.string().max(40).optional(),
        walkIn: PersonSchema.optional(),
        scannedAt: z.iso.datetime(),
      }),
    )
    .max(1000),
  /** The kiosk page asks for its header counts with each upload, so they update without a reload. */
  counts: z.boolean().optional(),
});

export type SyncAnswer = { status: number; body: unknown };

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * Only JSON is accepted. A page on another site can send text/plain, a form or
 * multipart to any address without asking, but not application/json: that needs
 * the browser's CORS permission, which Dropin never gives.
 */
function isJson(contentType: string | null) {
  return contentType?.split(";")[0]?.trim().toLowerCase() === "application/json";
}

/** One check-in's answer as the kiosk shows it (the page's action words it the same way). */
export function answerFor(result: CheckInResult, timeZone: string) {
  switch (result.status) {
    case "unknown":
      return { status: result.status };
    case "closed":
      return { status: result.status, message: result.message };
    default:
      return {
        status: result.status,
        userId: result.userId,
        name: result.name,
        school: result.school,
        time: clockTime(result.checkedInAt, timeZone),
      };
  }
}

/** When this kiosk session signed in: its queued scans were all made since. */
function signedInAt(sessionId: string) {
  const row = statement("SELECT createdAt FROM Session WHERE id = ?").get(sessionId) as
    { createdAt: string } | undefined;
  return row ? fromDbTime(row.createdAt) : new Date();
}

/**
 * A queued scan's time comes from the kiosk, so from the volunteer: bounded by what
 * the server knows. A kiosk's clock may run ahead (nobody arrives in the future),
 * and no scan was made before the volunteer signed in on it; otherwise, with early
 * check-in on, a friend who came at noon could be recorded as there since dawn.
 */
function trustedScanTime(scannedAt: string, since: Date) {
  const at = new Date(scannedAt).getTime();
  return new Date(Math.min(Date.now(), Math.max(since.getTime(), at))).toISOString();
}

export async function kioskSync({
  cookie,
  contentType,
  slug,
  body,
}: {
  cookie: string | null;
  contentType: string | null;
  slug: string;
  body: string;
}): Promise<SyncAnswer> {
  const sessionId = await sessionIdFromCookie(cookie);
  const user = sessionId ? await findSessionUser(sessionId) : null;
  if (!user) return { status: 401, body: { message: "Sign in again to upload scans." } };
  return jsonAnswer(async () => {
    const event = statement("SELECT id, timeZone FROM Event WHERE slug = ?").get(slug) as
      { id: string; timeZone: string } | undefined;
    if (!event) throw new NotFoundError("There is no PD day at that address.");
    // Who is asking comes before what they sent: an outsider learns nothing about the format.
    assertDoorVolunteer(user.id, event.id);
    if (!isJson(contentType))
      return { status: 415, body: { message: "Send the scans as JSON (Content-Type: application/json)." } };
    const parsed = SyncSchema.safeParse(parseJson(body));
    if (!parsed.success) return { status: 400, body: { message: "Send { scans: [{ clientId, token, scannedAt }] }." } };
    // Read once for the whole upload (a kiosk back online sends its queue in one go).
    const since = signedInAt(sessionId!);
    const scans = parsed.data.scans.map((scan) => ({
      ...scan,
      token: scan.token ? tokenFromScan(scan.token) : undefined,
      scannedAt: trustedScanTime(scan.scannedAt, since),
    }));
    const results = await syncQueued(user.id, event.id, scans);
    const counts = parsed.data.counts ? await doorCounts(user.id, event.id) : undefined;
    return {
      status: 200,
      body: {
        results: results.map(({ clientId, result }) => ({ clientId, ...answerFor(result, event.timeZone) })),
        counts,
      },
    };
  });
}
