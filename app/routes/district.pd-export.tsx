import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { exportYears } from "~/.server/credit/hr-export";
import { ErrorMessage } from "~/components/error-message";
import { requireUser } from "~/utils/auth.server";
import { guard } from "~/utils/http.server";
import { count } from "~/utils/plural";

export const meta: MetaFunction = () => [{ title: "Yearly PD credit export · Dropin" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { years: await guard(exportYears(user.id)) };
}

export default function DistrictExport() {
  const { years } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/events">← PD days</Link>
      </p>
      <h1>Yearly PD credit export</h1>
      <p className="muted">
        One spreadsheet per school year (July 1 to June 30) with every credited session of every PD day in it, in the
        same columns as each PD day’s HR export.
      </p>
      {years.length === 0 ? (
        <p>No PD days yet.</p>
      ) : (
        <ul className="card">
          {years.map((y) => (
            <li key={y.startYear}>
              <a href={`/district/pd-export.csv?year=${y.startYear}`} download>
                School year {y.label} (CSV)
              </a>{" "}
              <span className="muted">· {count(y.days, "PD day")}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
