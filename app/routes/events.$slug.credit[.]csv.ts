import type { LoaderFunctionArgs } from "@remix-run/node";
import { hrCsv } from "~/.server/credit/hr-export";
import { getEventForCoordinator } from "~/.server/events/events";
import { requireUser } from "~/utils/auth.server";
import { guard } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const event = await guard(getEventForCoordinator(user.id, params.slug!));
  const csv = await guard(hrCsv(user.id, event.id));
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${event.slug}-pd-credit.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
