import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { signOut } from "~/utils/auth.server";

// Signing out is a POST (a link could be triggered by a prefetch or an <img>).
export async function action({ request }: ActionFunctionArgs) {
  const response = await signOut(request, "/login?signedOut=1");
  // A shared phone or kiosk: the browser drops its HTTP cache of the person's pages.
  // Not "storage": that would also wipe a kiosk's queued offline check-ins. The
  // attendee service worker's own cache is emptied by the worker (public/sw.js).
  response.headers.set("Clear-Site-Data", '"cache"');
  return response;
}

export async function loader() {
  return redirect("/");
}
