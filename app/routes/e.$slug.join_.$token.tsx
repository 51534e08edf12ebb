import type { LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { rateLimits } from "~/.server/accounts/rate-limits";
import { verifyLinkToken } from "~/.server/attendees/sign-in";
import { RuleError } from "~/.server/errors";
import { ErrorMessage } from "~/components/error-message";
import { signInAndRedirect } from "~/utils/auth.server";
import { guard } from "~/utils/http.server";

// The mailed link signs in on GET. A mail scanner that follows links would spend
// it, but the mailed code still works until the attendee asks again.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const limited = await rateLimits.joinLinkAttempt(context.clientIp);
  if (limited) return data({ slug: params.slug!, message: limited.message }, { status: 429 });
  try {
    const userId = await verifyLinkToken(params.token!, params.slug!);
    await rateLimits.joinLinkSucceeded(context.clientIp);
    return signInAndRedirect(request, userId, `/e/${params.slug}`);
  } catch (error) {
    if (error instanceof RuleError) return { slug: params.slug!, message: error.message };
    return guard(Promise.reject(error));
  }
}

export default function JoinByLink() {
  const { slug, message } = useLoaderData<typeof loader>();
  return (
    <section className="card narrow" aria-labelledby="link-title">
      <h1 id="link-title">This link did not work</h1>
      <p>{message}</p>
      <p>
        <Link to={`/e/${slug}/join`}>Get a new code</Link>
      </p>
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
