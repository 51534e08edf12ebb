import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { listOutbox } from "~/.server/outbox/outbox-reader";
import { ErrorMessage } from "~/components/error-message";
import { requireUser } from "~/utils/auth.server";
import { formatTimestamp } from "~/utils/dates";
import { guard } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Outbox · Dropin" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return guard(listOutbox(user.id));
}

const STATUS_LABELS: Record<string, string> = {
  stored: "Stored (no mail server set)",
  sent: "Sent",
  failed: "Failed",
};

export default function Outbox() {
  const { messages, delivered, secretsShown } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Outbox</h1>
      <p className="muted">
        Every message Dropin sends, newest first. Without a mail server (SMTP_URL) messages are kept here only.
      </p>
      {!delivered ? (
        <p className="toast toast-error" role="note">
          <strong>Mail is not being delivered:</strong> no mail server is set (SMTP_URL), so nobody receives these
          messages.
          {secretsShown
            ? " Sign-in codes and join, reset and invitation links are shown here to district coordinators only. Pass one on only to the person it is addressed to."
            : null}
        </p>
      ) : null}
      {!secretsShown ? (
        <p className="muted">
          Sign-in codes and private links are removed from what you see here: they belong to their recipient.
        </p>
      ) : null}
      {messages.length === 0 ? (
        <p className="card">No messages yet.</p>
      ) : (
        <ul className="list-plain card" aria-label="Messages">
          {messages.map((message) => (
            <li key={message.id}>
              <details>
                <summary>
                  <strong>{message.subject}</strong> — to {message.to}{" "}
                  <span className="muted">
                    · {formatTimestamp(message.createdAt, message.event?.timeZone)} ·{" "}
                    {STATUS_LABELS[message.status] ?? message.status}
                  </span>
                </summary>
                <pre className="mail">{message.text}</pre>
                {message.error ? <p className="field-error">{message.error}</p> : null}
              </details>
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
