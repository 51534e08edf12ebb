import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getEventForCoordinator } from "~/.server/events/events";
import { listEventDonations, markDelivered } from "~/.server/vendors/donations";
import { sendThankYouLetters } from "~/.server/vendors/thanks";
import { inviteVendor, setGiftValueLimit } from "~/.server/vendors/vendors";
import { Button } from "~/components/button";
import { ErrorMessage } from "~/components/error-message";
import { Field, FormErrors } from "~/components/forms";
import {
  DONATION_KIND_LABELS,
  DONATION_KINDS,
  DONATION_STATUS_LABELS,
  GiftLimitSchema,
  VendorInviteSchema,
  formatCents,
  type DonationKind,
} from "~/schemas/donations";
import { requireUser } from "~/utils/auth.server";
import { formDataToObject, isFormFailure, parseSubmission } from "~/utils/forms";
import { guard, guardForm, invalid } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { useValidatedForm } from "~/utils/use-validated-form";
import { count } from "~/utils/plural";
import { usePending } from "~/utils/use-pending";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Vendors · ${data.event.name} · Dropin` : "Vendors · Dropin" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const event = await guard(getEventForCoordinator(user.id, params.slug!));
  const donations = await guard(listEventDonations(user.id, event.id));
  return { event, ...donations };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const event = await guard(getEventForCoordinator(user.id, params.slug!));
  const formData = await request.formData();
  const intent = formData.get("intent");
  const back = `/events/${event.slug}/vendors`;
  if (intent === "invite") {
    const submission = parseSubmission(VendorInviteSchema, formData);
    if (!submission.ok) return invalid(submission);
    const sent = await guardForm(formDataToObject(formData), inviteVendor(user.id, event.id, submission.data));
    if (!sent.ok) return invalid(sent.result);
    return redirectWithToast(back, { kind: "success", message: `${submission.data.company} is invited.` });
  }
  if (intent === "gift-limit") {
    const submission = parseSubmission(GiftLimitSchema, formData);
    if (!submission.ok) return invalid(submission);
    await guard(setGiftValueLimit(user.id, event.id, submission.data.giftLimit));
    return redirectWithToast(back, { kind: "success", message: "Gift value limit saved." });
  }
  if (intent === "deliver") {
    const done = await guardForm(
      formDataToObject(formData),
      markDelivered(user.id, String(formData.get("donationId"))),
    );
    if (!done.ok) return invalid(done.result);
    return redirectWithToast(back, { kind: "success", message: "Marked delivered." });
  }
  if (intent === "send-thanks") {
    const sent = await guardForm(formDataToObject(formData), sendThankYouLetters(user.id, event.id));
    if (!sent.ok) return invalid(sent.result);
    return redirectWithToast(back, {
      kind: "success",
      message: `${count(sent.value, "thank-you letter")} ${sent.value === 1 ? "is" : "are"} in the outbox.`,
    });
  }
  throw data({ message: "Unknown action." }, { status: 400 });
}

export default function Vendors() {
  const { event, vendors, totals, overLimit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failure = isFormFailure(actionData) ? actionData : null;
  const intent = failure?.values.intent;
  const invite = useValidatedForm(VendorInviteSchema, {
    intent: "invite",
    lastResult: intent === "invite" ? failure : null,
  });
  const limit = useValidatedForm(GiftLimitSchema, {
    intent: "gift-limit",
    defaultValues: { giftLimit: event.giftValueLimitCents == null ? "" : (event.giftValueLimitCents / 100).toFixed(2) },
    lastResult: intent === "gift-limit" ? failure : null,
  });
  const pending = usePending();
  const flagged = new Set(overLimit);
  return (
    <>
      <p>
        <Link to={`/events/${event.slug}`}>← {event.name}</Link>
      </p>
      <h1>Vendors and donations</h1>
      {failure && (intent === "deliver" || intent === "send-thanks") ? (
        <FormErrors errors={failure.formErrors} />
      ) : null}

      <section className="card" aria-labelledby="totals-title">
        <h2 id="totals-title">Totals</h2>
        <p>
          All donations: <strong>{formatCents(totals.total)}</strong>
        </p>
        <ul className="list-plain vendor-kind-totals">
          {DONATION_KINDS.map((kind) => (
            <li key={kind}>
              {DONATION_KIND_LABELS[kind].split(" (")[0]}: {formatCents(totals.byKind[kind] ?? 0)}
            </li>
          ))}
        </ul>
        <p>
          <Link to={`/events/${event.slug}/drawings`}>Prize drawings</Link>
        </p>
      </section>

      {vendors.map((vendor) => (
        <section key={vendor.id} className="card" aria-labelledby={`vendor-${vendor.id}`}>
          <h2 id={`vendor-${vendor.id}`}>{vendor.company}</h2>
          <p className="muted">
            {vendor.contactName} · {vendor.contactEmail} · total {formatCents(totals.byVendor[vendor.id] ?? 0)}
            {vendor.thanksOptIn ? " · listed as a sponsor" : ""}
          </p>
          <p>
            <Link to={`/vendor/${vendor.id}`}>Log a donation for {vendor.company}</Link> ·{" "}
            <Link to={`/events/${event.slug}/vendors/${vendor.id}/letter`}>Thank-you letter</Link>
          </p>
          {vendor.donations.length === 0 ? (
            <p>No donations logged yet.</p>
          ) : (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">Donations from {vendor.company}</caption>
                <thead>
                  <tr>
                    <th scope="col">Item</th>
                    <th scope="col">Kind</th>
                    <th scope="col">Qty</th>
                    <th scope="col">Per unit</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {vendor.donations.map((d) => (
                    <tr key={d.id}>
                      <td>
                        {d.itemName}
                        {d.restrictions ? <span className="muted"> · {d.restrictions}</span> : null}
                      </td>
                      <td>{DONATION_KIND_LABELS[d.kind as DonationKind]?.split(" (")[0] ?? d.kind}</td>
                      <td>{d.quantity}</td>
                      <td>
                        {formatCents(d.unitValueCents)}
                        {flagged.has(d.id) ? <strong className="gift-flag"> Over the gift limit</strong> : null}
                      </td>
                      <td>
                        {d.status === "pledged" ? (
                          <Form method="post">
                            <input type="hidden" name="intent" value="deliver" />
                            <input type="hidden" name="donationId" value={d.id} />
                            <Button
                              variant="secondary"
                              disabled={pending({ intent: "deliver", donationId: d.id })}
                              aria-label={`Mark delivered: ${d.itemName}`}
                            >
                              Mark delivered
                            </Button>
                          </Form>
                        ) : (
                          DONATION_STATUS_LABELS[d.status]
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}

      <section className="card" aria-labelledby="invite-vendor-title">
        <h2 id="invite-vendor-title">Invite a vendor</h2>
        <p className="muted">The contact gets a sign-in link and sees only their own company's donations.</p>
        <Form method="post" noValidate onSubmit={invite.onSubmit}>
          {invite.intentField}
          <FormErrors errors={invite.formErrors} />
          <div className="form-row">
            <Field label="Company" {...invite.field("company")} />
            <Field label="Contact name" {...invite.field("contactName")} />
            <Field label="Contact email" type="email" autoComplete="off" {...invite.field("contactEmail")} />
          </div>
          <div className="form-actions">
            <Button disabled={invite.pending}>Invite vendor</Button>
          </div>
        </Form>
      </section>

      <section className="card" aria-labelledby="gift-limit-title">
        <h2 id="gift-limit-title">District gift rule</h2>
        <Form method="post" noValidate onSubmit={limit.onSubmit}>
          {limit.intentField}
          <Field
            label="Gift value limit per item, in dollars (optional)"
            hint="Items worth more than this per unit are flagged. Leave blank for no limit."
            inputMode="decimal"
            {...limit.field("giftLimit")}
          />
          <div className="form-actions">
            <Button variant="secondary" disabled={limit.pending}>
              Save limit
            </Button>
          </div>
        </Form>
      </section>

      <section className="card" aria-labelledby="thanks-title">
        <h2 id="thanks-title">After the day</h2>
        <Form method="post">
          <input type="hidden" name="intent" value="send-thanks" />
          <p className="muted">Mails each vendor contact their thank-you letter (kept in the outbox).</p>
          <Button variant="secondary" disabled={pending({ intent: "send-thanks" })}>
            Send thank-you letters
          </Button>
        </Form>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
