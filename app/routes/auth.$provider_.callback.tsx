// Where the district's provider sends the browser back. A GET, as OpenID Connect
// does it; what makes it safe is the state, nonce and PKCE verifier in the signed
// cookie set when the sign-in started, which a forged link cannot carry.
import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DistrictSignInRefused } from "~/.server/accounts/district-sign-in/claims";
import { accountForDistrictIdentity } from "~/.server/accounts/district-sign-in/link-account";
import { finishSignIn, ProviderUnreachable } from "~/.server/accounts/district-sign-in/oidc";
import { DistrictSignInProblem } from "~/components/district-sign-in";
import { signInAndRedirect } from "~/utils/auth.server";
import { findDistrictProvider, takePendingSignIn } from "~/utils/district-sign-in.server";
import { getEnv } from "~/utils/env.server";
import { guardRule } from "~/utils/http.server";
import { toastCookie } from "~/utils/toast.server";

// The page a refused or failed sign-in shows is about this one attempt: never kept
// (a document response carries only these headers, not the loader's own).
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export const meta: MetaFunction = () => [{ title: "Sign-in refused · Dropin" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const provider = findDistrictProvider(params.provider);
  if (!provider)
    throw data({ message: "There is no such sign-in option. Go back to the sign-in page." }, { status: 404 });
  // One use only: the cookie is cleared whatever happens next.
  const { pending, clear } = await takePendingSignIn(request);
  const headers = new Headers({ "Set-Cookie": clear, "Cache-Control": "no-store" });
  // The address registered with the provider, not the one this request arrived at
  // (behind a proxy that may be http:// or another host name).
  const here = new URL(request.url);
  const callbackUrl = new URL(here.pathname + here.search, getEnv().APP_URL);
  // A refused identity or an unreachable provider is this page's own message; any other refusal takes the shared path.
  const linked = await guardRule(
    finishSignIn(provider, callbackUrl, pending).then(accountForDistrictIdentity),
    (error) => error instanceof DistrictSignInRefused || error instanceof ProviderUnreachable,
  );
  if (!linked.ok) return data({ message: linked.error.message }, { status: linked.error.status, headers });
  const account = linked.value;
  const response = await signInAndRedirect(request, account.userId, pending?.redirectTo ?? "/events");
  response.headers.append("Set-Cookie", clear);
  if (account.passwordRemoved) {
    const name = provider.label.replace(/^Sign in with /, "");
    response.headers.append(
      "Set-Cookie",
      await toastCookie({
        kind: "info",
        message: `Your Dropin account is now linked to ${name}. Sign in with ${name} from now on; the old Dropin password no longer works.`,
      }),
    );
  }
  return response;
}

export default function FinishDistrictSignIn() {
  const { message } = useLoaderData<typeof loader>();
  return <DistrictSignInProblem title="You are not signed in" message={message} />;
}
