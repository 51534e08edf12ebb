import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listMyProposals } from "~/.server/proposals/proposal-access";
import { STATE_LABELS, type ProposalState } from "~/.server/proposals/states";
import { ErrorMessage } from "~/components/error-message";
import { requireUser } from "~/utils/auth.server";
import { formatEventDate, formatTimestamp } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: "My proposals · Dropin" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const proposals = await listMyProposals(user.id);
  return {
    proposals: proposals.map((p) => ({ ...p, stateLabel: STATE_LABELS[p.state as ProposalState] ?? p.state })),
  };
}

export default function MyProposals() {
  const { proposals } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>My proposals</h1>
      {proposals.length === 0 ? (
        <section className="card">
          <p>You have not proposed a session yet. Open your PD day’s page and choose “Propose a session”.</p>
        </section>
      ) : (
        <ul className="list-plain card" aria-label="Proposals">
          {proposals.map((p) => (
            <li key={p.id} className="proposal-row">
              <Link to={`/proposals/${p.id}`} className="proposal-row-title">
                {p.title || "Untitled draft"}
              </Link>
              <span className={`tag tag-state-${p.state}`}>{p.stateLabel}</span>
              <span className="muted">
                {p.event.name} · {formatEventDate(p.event.date)}
                {p.isLead ? "" : " · co-presenting"} · updated {formatTimestamp(p.updatedAt, p.event.timeZone)}
              </span>
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
