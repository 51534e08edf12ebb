import type { LoaderFunctionArgs } from "@remix-run/node";
import { privateLinkLookup } from "~/.server/accounts/rate-limits";
import { scheduleCalendar } from "~/.server/schedule/exports/ics";
import { exportOrPlainError, exportResponse } from "~/.server/schedule/exports/respond";
import { getPresenterSchedule } from "~/.server/schedule/public-schedule";

// One presenter's own sessions; the unguessable token in the address is the key.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  return exportOrPlainError(async () => {
    const { version, name, sessions } = await privateLinkLookup(context.clientIp, () =>
      getPresenterSchedule(params.slug!, params.token!),
    );
    const body = scheduleCalendar(version.snapshot, {
      publishedAt: version.publishedAt,
      name: `${version.snapshot.event.name} — ${name}`,
      sessions,
    });
    return exportResponse(request, version.id, body, {
      contentType: "text/calendar; charset=utf-8",
      filename: "my-sessions.ics",
      scope: "private",
    });
  });
}
