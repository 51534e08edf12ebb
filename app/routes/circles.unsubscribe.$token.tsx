// The unsubscribe link in circle mail, without signing in. Opening it (GET) only
// shows what it does; the button (a POST) stops circle mail, so a mail scanner
// or link preview fetching the address changes nothing. Pressing again is harmless.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { readUnsubscribe, unsubscribe } from "~/.server/circles/nudges";
import { Button } from "~/components/button";
import { ErrorMessage } from "~/components/error-message";
import { guard } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { usePending } from "~/utils/use-pending";

export const meta: MetaFunction = () => [{ title: "Circle emails · Dropin" }, { name: "robots", content: "noindex" }];

export async function loader({ params }: LoaderFunctionArgs) {
  return guard(readUnsubscribe(params.token!));
}

export async function action({ params }: ActionFunctionArgs) {
  const { eventName } = await guard(unsubscribe(params.token!));
  return redirectWithToast(`/circles/unsubscribe/${params.token}`, {
    kind: "success",
    message: `No more circle emails from ${eventName}.`,
  });
}

export default function Unsubscribe() {
  const { eventName, stopped } = useLoaderData<typeof loader>();
  // The page's one form: its button waits for its post.
  const pending = usePending()();
  return (
    <section className="card narrow" aria-labelledby="unsubscribe-title">
      <h1 id="unsubscribe-title">Circle emails from {eventName}</h1>
      {stopped ? (
        <p>You will get no more circle emails from {eventName}. Your circle's page still works when you sign in.</p>
      ) : (
        <>
          <p>
            Stop the emails about your follow-up circle (the "Meet your circle" note and reminders). You stay in your
            circle.
          </p>
          <Form method="post">
            <Button disabled={pending}>Stop circle emails</Button>
          </Form>
        </>
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
