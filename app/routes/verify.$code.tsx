import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { privateLinkLookup, retryAfterHeaders } from "~/.server/accounts/rate-limits";
import { verifyCode } from "~/.server/credit/verify";
import { formatHours } from "~/components/checkin/credit-table";
import { HoursList, providerLine } from "~/components/checkin/hours-list";
import { ErrorMessage } from "~/components/error-message";
import { formatEventDate } from "~/utils/dates";
import { guard } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Verify a PD certificate or transcript · Dropin" }];
export const headers = retryAfterHeaders;

// Public on purpose: whoever holds the certificate or transcript can confirm it without an account.
// It shows the totals a holder may confirm, never the sessions, email or staff ID.
export async function loader({ params, context }: LoaderFunctionArgs) {
  return guard(privateLinkLookup(context.clientIp, () => verifyCode(params.code!)));
}

export default function Verify() {
  const result = useLoaderData<typeof loader>();
  const who = (
    <>
      <strong>{result.name}</strong>
      {result.school ? ` (${result.school})` : ""}
    </>
  );
  if (result.kind === "transcript") {
    return (
      <section className="card narrow" aria-labelledby="verify-title">
        <h1 id="verify-title">Transcript verified</h1>
        <p>
          {who} earned <strong>{formatHours(result.total)}</strong> of professional development over {result.days} PD{" "}
          {result.days === 1 ? "day" : "days"} from {formatEventDate(result.from)} to {formatEventDate(result.to)}.
        </p>
        <HoursList caption="Hours per school year" heading="School year" rows={result.byYear} />
        <HoursList caption="Hours per credit category" heading="Category" rows={result.byCategory} />
      </section>
    );
  }
  return (
    <section className="card narrow" aria-labelledby="verify-title">
      <h1 id="verify-title">Certificate verified</h1>
      <p>
        {who} earned <strong>{formatHours(result.total)}</strong> of professional development at {result.eventName} on{" "}
        {formatEventDate(result.date)}.
      </p>
      {providerLine(result) ? <p>{providerLine(result)}</p> : null}
      <HoursList caption="Hours per credit category" heading="Category" rows={result.byCategory} />
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
