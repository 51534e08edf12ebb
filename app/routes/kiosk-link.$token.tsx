// A kiosk link opened on the shared door device. Opening it (GET) only shows what
// it is for; signing the device in takes a press of the button (POST), so a link
// preview, a prefetch or a crawler never starts a session.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { findOpenKioskLink, openKioskLink } from "~/.server/events/kiosk-links";
import { Button } from "~/components/button";
import { ErrorMessage } from "~/components/error-message";
import { signInAndRedirect } from "~/utils/auth.server";
import { formatEventDate } from "~/utils/dates";
import { guard } from "~/utils/http.server";
import { usePending } from "~/utils/use-pending";

export const meta: MetaFunction = () => [{ title: "Door kiosk · Dropin" }, { name: "robots", content: "noindex" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const link = await findOpenKioskLink(params.token!);
  return { link: link ? { label: link.label, event: { name: link.event.name, date: link.event.date } } : null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const opened = await guard(openKioskLink(params.token!));
  return signInAndRedirect(request, opened.deviceId, `/events/${opened.event.slug}/kiosk`, opened.expiresAt);
}

export default function KioskLink() {
  const { link } = useLoaderData<typeof loader>();
  // The page's one form: its button waits for its post.
  const pending = usePending()();
  if (!link) {
    return (
      <section className="card narrow" aria-labelledby="kiosk-link-title">
        <h1 id="kiosk-link-title">This kiosk link no longer works</h1>
        <p>It has expired or a coordinator revoked it. Ask a coordinator for a new one.</p>
      </section>
    );
  }
  return (
    <section className="card narrow" aria-labelledby="kiosk-link-title">
      <h1 id="kiosk-link-title">Door kiosk for {link.event.name}</h1>
      <p>
        This link signs this device in as <strong>{link.label}</strong> for {formatEventDate(link.event.date)}: the door
        kiosk and the live view only, until the end of that day.
      </p>
      <p className="muted">Anyone signed in on this device is signed out first.</p>
      <Form method="post">
        <Button disabled={pending}>Start the door kiosk on this device</Button>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
