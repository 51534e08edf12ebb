import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { privateLinkLookup, retryAfterHeaders } from "~/.server/accounts/rate-limits";
import { verifyCertificate } from "~/.server/credit/verify";
import { formatHours } from "~/components/checkin/credit-table";
import { ErrorMessage } from "~/components/error-message";
import { formatEventDate } from "~/utils/dates";
import { guard } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Verify a PD certificate · Dropin" }];
export const headers = retryAfterHeaders;

// Public on purpose: whoever holds the certificate can confirm it without an account.
export async function loader({ params, context }: LoaderFunctionArgs) {
  return guard(privateLinkLookup(context.clientIp, () => verifyCertificate(params.code!)));
}

export default function Verify() {
  const result = useLoaderData<typeof loader>();
  return (
    <section className="card narrow" aria-labelledby="verify-title">
      <h1 id="verify-title">Certificate verified</h1>
      <p>
        <strong>{result.name}</strong>
        {result.school ? ` (${result.school})` : ""} earned <strong>{formatHours(result.total)}</strong> of professional
        development at {result.eventName} on {formatEventDate(result.date)}.
      </p>
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
