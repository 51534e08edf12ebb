import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { pickSession, unpickSession } from "~/.server/attendees/picks";
import { PickSchema } from "~/schemas/attendees";
import { requireUser, safeRedirect } from "~/utils/auth.server";
import { parseSubmission } from "~/utils/forms";
import { guard } from "~/utils/http.server";

// Every pick button posts here: the page's plain form (redirects back) and the
// offline queue's replay (X-Dropin-Sync, answered with JSON).
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseSubmission(PickSchema, await request.formData());
  // JSON, not data(): a resource route's data() status is lost, and the offline
  // queue reads only the status. The field messages say what was wrong.
  if (!submission.ok) {
    const { fieldErrors, formErrors } = submission;
    return Response.json(
      { ok: false, message: "That pick could not be read.", fieldErrors, formErrors },
      { status: 400 },
    );
  }
  const { intent, placementId, clientId, returnTo, overlap } = submission.data;
  // The offline queue cannot ask: a pick made offline keeps both, and "My day" marks the overlap.
  const sync = request.headers.get("X-Dropin-Sync") === "1";
  const change = { placementId, clientId, overlap: overlap ?? (sync ? "keep" : "ask") } as const;
  const result = await guard(
    intent === "pick" ? pickSession(user.id, params.slug!, change) : unpickSession(user.id, params.slug!, change),
  );
  if (sync) return Response.json({ ok: true, picked: result.picked });
  const back = new URL(safeRedirect(returnTo, `/e/${params.slug}`), "http://dropin.invalid");
  back.searchParams.delete("overlap");
  // Held back: the page asks "keep both, or replace?" naming the sessions it overlaps.
  if ("overlapping" in result && result.overlapping) {
    back.searchParams.set("overlap", placementId);
    return redirect(`${back.pathname}${back.search}#overlap-question`);
  }
  return redirect(`${back.pathname}${back.search}#session-${placementId}`);
}
