import type { LoaderFunctionArgs } from "@remix-run/node";
import { yearlyHrCsv } from "~/.server/credit/hr-export";
import { schoolYearLabel, schoolYearOf, isoToday } from "~/.server/credit/school-year";
import { requireUser } from "~/utils/auth.server";
import { guard } from "~/utils/http.server";

// ?year=2026 is the school year 2026–27; without it (or with a bad one), the current school year.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const asked = new URL(request.url).searchParams.get("year") ?? "";
  const year = /^\d{4}$/.test(asked) ? Number(asked) : schoolYearOf(isoToday());
  const csv = await guard(yearlyHrCsv(user.id, year));
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="pd-credit-${schoolYearLabel(year).replace("–", "-")}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
