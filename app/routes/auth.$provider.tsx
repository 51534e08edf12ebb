// Starts a district sign-in: a GET (a link on /login), since it changes nothing here
// but a short-lived cookie, and a link navigation is not limited by CSP form-action.
import { data, redirect, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { beginSignIn, ProviderUnreachable } from "~/.server/accounts/district-sign-in/oidc";
import { DistrictSignInProblem } from "~/components/district-sign-in";
import { safeRedirect } from "~/utils/auth.server";
import { guardRule } from "~/utils/http.server";
import { callbackUrlFor, findDistrictProvider, rememberPendingSignIn } from "~/utils/district-sign-in.server";

// The page a refused or failed sign-in shows is about this one attempt: never kept
// (a document response carries only these headers, not the loader's own).
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export const meta: MetaFunction = () => [{ title: "Sign in · Dropin" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const provider = findDistrictProvider(params.provider);
  if (!provider)
    throw data({ message: "There is no such sign-in option. Go back to the sign-in page." }, { status: 404 });
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"), "/events");
  // An unreachable provider is this page's own message; any other refusal takes the shared path.
  const begun = await guardRule(
    beginSignIn(provider, callbackUrlFor(provider.id), redirectTo),
    (error) => error instanceof ProviderUnreachable,
  );
  if (!begun.ok)
    return data(
      { message: begun.error.message },
      { status: begun.error.status, headers: { "Cache-Control": "no-store" } },
    );
  const { url, pending } = begun.value;
  return redirect(url, {
    headers: { "Set-Cookie": await rememberPendingSignIn(pending), "Cache-Control": "no-store" },
  });
}

export default function StartDistrictSignIn() {
  const { message } = useLoaderData<typeof loader>();
  return <DistrictSignInProblem title="We could not start the sign-in" message={message} />;
}
