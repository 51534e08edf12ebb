import crypto from "node:crypto";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { privateLinkLookup } from "~/.server/accounts/rate-limits";
import { getMyDayFeed } from "~/.server/attendees/picks";
import { scheduleCalendar } from "~/.server/schedule/exports/ics";
import { exportOrPlainError, exportResponse } from "~/.server/schedule/exports/respond";

// An attendee's picks as a calendar feed; the unguessable token is the key.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  return exportOrPlainError(async () => {
    const { version, sessions } = await privateLinkLookup(context.clientIp, () =>
      getMyDayFeed(params.slug!, params.token!),
    );
    const body = scheduleCalendar(version.snapshot, {
      publishedAt: version.publishedAt,
      name: `${version.snapshot.event.name} — my day`,
      sessions,
    });
    // The feed changes with every pick, not only with a new version.
    const tag = crypto.createHash("sha256").update(body).digest("base64url").slice(0, 20);
    return exportResponse(request, tag, body, {
      contentType: "text/calendar; charset=utf-8",
      filename: "my-day.ics",
      scope: "private",
    });
  });
}
