// The parts of a presenter's proposal page around the form: the read-only view
// once decided, co-presenters, resource links and the history.
import { Form } from "@remix-run/react";
import {
  AUDIENCE_LABELS,
  CoPresenterInviteSchema,
  EXPERIENCE_LABELS,
  FORMAT_LABELS,
  LENGTH_LABELS,
  MAX_CO_PRESENTERS,
  ResourceSchema,
  TECH_NEED_LABELS,
  type Audience,
  type ExperienceLevel,
  type Format,
  type TechNeed,
} from "~/schemas/proposals";
import { formatTimestamp } from "~/utils/dates";
import type { FormFailure } from "~/utils/forms";
import { usePending } from "~/utils/use-pending";
import { useValidatedForm } from "~/utils/use-validated-form";
import { Button } from "./button";
import { Field, FormErrors } from "./forms";

type ReadOnlyProposal = {
  summary: string;
  details: string;
  audience: string[];
  tags: string[];
  format: string;
  experienceLevel: string;
  lengthBlocks: number;
  maxParticipants: number | null;
  techNeeds: string[];
  willingToRepeat: boolean;
  unavailableBlocks: string[];
  notesToCoordinator: string;
};

function labelled<K extends string>(labels: Record<K, string>, values: string[]) {
  return values.map((v) => labels[v as K] ?? v).join(", ") || "—";
}

/** A proposal's answers as label/value rows: the presenter's read-only view and the reviewers' page. */
export function proposalFacts(proposal: ReadOnlyProposal): Array<[string, string]> {
  return [
    ["Short description", proposal.summary || "—"],
    ["Details for reviewers", proposal.details || "—"],
    ["Audience", labelled<Audience>(AUDIENCE_LABELS, proposal.audience)],
    ["Subjects", proposal.tags.join(", ") || "—"],
    ["Format", FORMAT_LABELS[proposal.format as Format] ?? proposal.format],
    ["Experience level", EXPERIENCE_LABELS[proposal.experienceLevel as ExperienceLevel] ?? proposal.experienceLevel],
    ["Length", LENGTH_LABELS[String(proposal.lengthBlocks) as "1" | "2"] ?? String(proposal.lengthBlocks)],
    ["Most participants", proposal.maxParticipants ? String(proposal.maxParticipants) : "No limit given"],
    ["Tech needs", labelled<TechNeed>(TECH_NEED_LABELS, proposal.techNeeds)],
    ["Willing to run it twice", proposal.willingToRepeat ? "Yes" : "No"],
    ["Can't present in", proposal.unavailableBlocks.join(", ") || "—"],
    ["Notes to the coordinator", proposal.notesToCoordinator || "—"],
  ];
}

export function Facts({ rows }: { rows: Array<[string, string]> }) {
  return (
    <dl className="proposal-facts">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function ProposalReadOnly({ proposal }: { proposal: ReadOnlyProposal }) {
  return <Facts rows={proposalFacts(proposal)} />;
}

type CoPresenter = {
  id: string;
  email: string;
  name: string;
  confirmedAt: string | Date | null;
  expired: boolean;
  userName: string | null;
};

export function CoPresentersPanel({
  coPresenters,
  isLead,
  canInvite,
  lastResult,
}: {
  coPresenters: CoPresenter[];
  isLead: boolean;
  canInvite: boolean;
  lastResult: FormFailure | null;
}) {
  const invite = useValidatedForm(CoPresenterInviteSchema, { intent: "invite", lastResult });
  const pending = usePending();
  return (
    <section className="card" aria-labelledby="co-presenters-title">
      <h2 id="co-presenters-title">Co-presenters</h2>
      {coPresenters.length === 0 ? (
        <p className="muted">No co-presenters yet.</p>
      ) : (
        <ul className="list-plain">
          {coPresenters.map((c) => (
            <li key={c.id} className="row-between">
              <span>
                {c.userName ?? (c.name || c.email)} <span className="muted">({c.email})</span> ·{" "}
                {c.confirmedAt ? (
                  <strong>Confirmed</strong>
                ) : c.expired ? (
                  "Invitation expired: remove and invite again"
                ) : (
                  "Invited, not yet confirmed"
                )}
              </span>
              {isLead ? (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="coPresenterId" value={c.id} />
                  <Button
                    name="intent"
                    value="remove-co-presenter"
                    variant="link"
                    disabled={pending({ coPresenterId: c.id })}
                  >
                    Remove <span className="visually-hidden">{c.email}</span>
                  </Button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {isLead && canInvite && coPresenters.length < MAX_CO_PRESENTERS ? (
        <Form method="post" noValidate onSubmit={invite.onSubmit}>
          <h3>Invite a colleague</h3>
          <p className="muted">
            They get an email with a link. Once they confirm, they can edit this proposal with you.
          </p>
          <FormErrors errors={invite.formErrors} />
          <div className="form-row">
            <Field label="Their email" type="email" autoComplete="off" {...invite.field("email")} />
            <Field label="Their name (optional)" {...invite.field("name")} />
          </div>
          <div className="form-actions">
            {invite.intentField}
            <Button variant="secondary" disabled={invite.pending}>
              Send invitation
            </Button>
          </div>
        </Form>
      ) : null}
    </section>
  );
}

export function ResourcesPanel({
  resources,
  lastResult,
}: {
  resources: Array<{ id: string; label: string; url: string }>;
  lastResult: FormFailure | null;
}) {
  const add = useValidatedForm(ResourceSchema, { intent: "add-resource", lastResult });
  const pending = usePending();
  return (
    <section className="card" aria-labelledby="resources-title">
      <h2 id="resources-title">Slides and handouts</h2>
      <p className="muted">Links you add here appear on your session’s page once the schedule is published.</p>
      {resources.length > 0 ? (
        <ul className="list-plain">
          {resources.map((r) => (
            <li key={r.id} className="row-between">
              <a href={r.url} rel="noopener noreferrer" target="_blank">
                {r.label}
              </a>
              <Form method="post" className="inline-form">
                <input type="hidden" name="resourceId" value={r.id} />
                <Button name="intent" value="remove-resource" variant="link" disabled={pending({ resourceId: r.id })}>
                  Remove <span className="visually-hidden">{r.label}</span>
                </Button>
              </Form>
            </li>
          ))}
        </ul>
      ) : null}
      <Form method="post" noValidate onSubmit={add.onSubmit}>
        <FormErrors errors={add.formErrors} />
        <div className="form-row">
          <Field label="Link name" hint="e.g. Slides, Handout, Shared doc" {...add.field("label")} />
          <Field label="Web address" type="url" hint="Starts with https://" {...add.field("url")} />
        </div>
        <div className="form-actions">
          {add.intentField}
          <Button variant="secondary" disabled={add.pending}>
            Add link
          </Button>
        </div>
      </Form>
    </section>
  );
}

export function HistoryPanel({
  entries,
  timeZone,
}: {
  entries: Array<{ id: string; text: string; who: string | null; at: string | Date }>;
  timeZone: string;
}) {
  return (
    <section className="card" aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      {entries.length === 0 ? (
        <p className="muted">Nothing has happened yet.</p>
      ) : (
        <ol className="list-plain">
          {entries.map((e) => (
            <li key={e.id}>
              {e.text}
              <span className="muted">
                {e.who ? ` · ${e.who}` : ""} · {formatTimestamp(e.at, timeZone)}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
