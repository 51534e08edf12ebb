import type { LoaderFunctionArgs } from "@remix-run/node";
import { scheduleCalendar } from "~/.server/schedule/exports/ics";
import { exportOrPlainError, exportResponse } from "~/.server/schedule/exports/respond";
import { requirePublishedVersion } from "~/.server/schedule/public-schedule";

// The whole published day as a calendar to subscribe to or import.
export async function loader({ request, params }: LoaderFunctionArgs) {
  return exportOrPlainError(async () => {
    const version = await requirePublishedVersion(params.slug!);
    const body = scheduleCalendar(version.snapshot, { publishedAt: version.publishedAt });
    return exportResponse(request, version.id, body, {
      contentType: "text/calendar; charset=utf-8",
      filename: `${params.slug}.ics`,
    });
  });
}
