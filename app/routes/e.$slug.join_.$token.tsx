import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { rateLimits, retryAfterHeaders } from "~/.server/accounts/rate-limits";
import { describeLinkToken, verifyLinkToken } from "~/.server/attendees/sign-in";
import { attendeeLinks } from "~/components/attendee";
import { Button } from "~/components/button";
import { ErrorMessage } from "~/components/error-message";
import { getUser, signInAndRedirect } from "~/utils/auth.server";
import { guardRule } from "~/utils/http.server";
import { usePending } from "~/utils/use-pending";

export const headers = retryAfterHeaders;
export const meta: MetaFunction = () => [{ title: "Sign in with your link · Dropin" }];
export const links: LinksFunction = attendeeLinks;

type Dead = { slug: string; message: string };

/** A dead link's page (expired, used, another PD day's): the service's message, not an error page. */
async function orDead<T>(slug: string, work: Promise<T>): Promise<T | Dead> {
  const outcome = await guardRule(work);
  return outcome.ok ? outcome.value : { slug, message: outcome.error.message };
}

// Opening the mailed link only asks "Sign in as …?": a GET never signs anyone in,
// so a page elsewhere cannot sign a visitor into someone else's account by
// sending them here. A mail scanner that follows links no longer spends them either.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = params.slug!;
  const [link, user] = await Promise.all([orDead(slug, describeLinkToken(params.token!, slug)), getUser(request)]);
  if ("message" in link) return { slug, dead: link.message, email: null, signedInAs: null };
  return { slug, dead: null, email: link.email, signedInAs: user && user.email !== link.email ? user.email : null };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const slug = params.slug!;
  const limited = await rateLimits.joinLinkAttempt(context.clientIp);
  if (limited)
    return data(
      { slug, message: limited.message },
      { status: 429, headers: { "Retry-After": String(limited.retryAfterSeconds) } },
    );
  const userId = await orDead(slug, verifyLinkToken(params.token!, slug));
  if (typeof userId !== "string") return data(userId, { status: 400 });
  await rateLimits.joinLinkSucceeded(context.clientIp);
  return signInAndRedirect(request, userId, `/e/${slug}`);
}

function DeadLink({ slug, message }: Dead) {
  return (
    <section className="card narrow" aria-labelledby="link-title">
      <h1 id="link-title">This link did not work</h1>
      <p role="alert">{message}</p>
      <p>
        <Link to={`/e/${slug}/join`}>Get a new code</Link>
      </p>
    </section>
  );
}

export default function JoinByLink() {
  const { slug, dead, email, signedInAs } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const pending = usePending()();
  if (failed) return <DeadLink slug={failed.slug} message={failed.message} />;
  if (dead !== null || email === null) return <DeadLink slug={slug} message={dead ?? ""} />;
  return (
    <section className="card narrow" aria-labelledby="link-title">
      <h1 id="link-title">Sign in to your PD day</h1>
      <p>
        This link signs in <strong className="break-anywhere">{email}</strong>. It works once.
      </p>
      {signedInAs ? (
        <p>
          You are signed in as <span className="break-anywhere">{signedInAs}</span> on this device; signing in with the
          link signs that account out here.
        </p>
      ) : null}
      <Form method="post">
        <Button className="break-anywhere" disabled={pending}>
          Sign in as {email}
        </Button>
      </Form>
      <p className="muted">If this is not your email address, close this page.</p>
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
