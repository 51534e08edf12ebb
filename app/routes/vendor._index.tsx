import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listMyVendors } from "~/.server/vendors/vendors";
import { ErrorMessage } from "~/components/error-message";
import { requireUser } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Your donations · Dropin" }];

// Where a vendor lands after accepting: one company goes straight to its portal.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const vendors = await listMyVendors(user.id);
  if (vendors.length === 1) throw redirect(`/vendor/${vendors[0]!.id}`);
  return { vendors: vendors.map((v) => ({ id: v.id, company: v.company, eventName: v.event.name })) };
}

export default function VendorHome() {
  const { vendors } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Your donations</h1>
      {vendors.length === 0 ? (
        <p>You do not speak for any vendor yet. Accept the invitation a coordinator mailed you first.</p>
      ) : (
        <ul className="list-plain">
          {vendors.map((v) => (
            <li key={v.id}>
              <Link to={`/vendor/${v.id}`}>
                {v.company} · {v.eventName}
              </Link>
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
