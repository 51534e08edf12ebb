import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { signOut } from "~/utils/auth.server";

// Signing out is a POST (a link could be triggered by a prefetch or an <img>).
export async function action({ request }: ActionFunctionArgs) {
  return signOut(request, "/login?signedOut=1");
}

export async function loader() {
  return redirect("/");
}
