import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { tokenFromScan } from "~/.server/checkin/badges";
import { clockTime, syncQueued } from "~/.server/checkin/door";
import { DomainError } from "~/.server/errors";
import { getEventForCoordinator } from "~/.server/events/events";
import { requireUser } from "~/utils/auth.server";

const SyncSchema = z.object({
  scans: z
    .array(
      z.object({
        clientId: z.string().min(8).max(64),
        token: z.string().max(300).optional(),
        userId: z.string().max(40).optional(),
        scannedAt: z.iso.datetime(),
      }),
    )
    .max(1000),
});

// JSON in, JSON out: the kiosk's offline queue uploads here when the network returns.
// Errors are JSON too, since no page renders them.
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  try {
    const event = await getEventForCoordinator(user.id, params.slug!);
    const parsed = SyncSchema.safeParse(await request.json().catch(() => null));
    if (!parsed.success) return Response.json({ message: "Send { scans: [{ clientId, token, scannedAt }] }." }, { status: 400 });
    const scans = parsed.data.scans.map((scan) => ({ ...scan, token: scan.token ? tokenFromScan(scan.token) : undefined }));
    const results = await syncQueued(user.id, event.id, scans);
    return Response.json({
      results: results.map(({ clientId, result }) =>
        result.status === "unknown"
          ? { clientId, status: result.status }
          : { clientId, status: result.status, name: result.name, time: clockTime(result.checkedInAt, event.timeZone) },
      ),
    });
  } catch (error) {
    if (error instanceof DomainError) return Response.json({ message: error.message }, { status: error.status });
    throw error;
  }
}

export function loader() {
  return Response.json({ message: "The kiosk posts queued scans here." }, { status: 405 });
}
