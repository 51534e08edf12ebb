import type { LoaderFunctionArgs } from "@remix-run/node";
import { kioskRoster } from "~/.server/checkin/kiosk-roster";
import { getEventForDoor } from "~/.server/events/events";
import { getUser } from "~/utils/auth.server";
import { guard } from "~/utils/http.server";

// JSON for the kiosk's own script: the roster it keeps on the device for name
// search while the server is unreachable. Never cached by the browser; the kiosk
// drops its copy when this answers 401/403 (the volunteer is signed out).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (!user) return Response.json({ message: "Sign in again to load the roster." }, { status: 401 });
  const event = await guard(getEventForDoor(user.id, params.slug!));
  const people = await guard(kioskRoster(user.id, event.id, event.slug, event.timeZone));
  return Response.json({ people }, { headers: { "Cache-Control": "no-store" } });
}
