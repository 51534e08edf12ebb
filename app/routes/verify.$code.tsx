import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { verifyCertificate } from "~/.server/credit/verify";
import { formatHours } from "~/components/checkin/credit-table";
import { ErrorMessage } from "~/components/error-message";
import { formatEventDate } from "~/utils/dates";
import { guard } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Verify a PD certificate · Dropin" }];

// Public on purpose: whoever holds the certificate can confirm it without an account.
export async function loader({ params }: LoaderFunctionArgs) {
  return guard(verifyCertificate(params.code!));
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
