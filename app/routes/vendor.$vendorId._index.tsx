import {
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect } from "react";
import { attachDonationPhoto, listVendorDonations, logDonation, MAX_PHOTO_BYTES } from "~/.server/vendors/donations";
import { assertVendorAccess, setThanksOptIn } from "~/.server/vendors/vendors";
import { Button } from "~/components/button";
import { ErrorMessage } from "~/components/error-message";
import { ErrorSummary, Field, FormErrors, SelectField, TextareaField } from "~/components/forms";
import {
  DONATION_KIND_LABELS,
  DONATION_KINDS,
  DONATION_STATUS_LABELS,
  DonationSchema,
  formatCents,
  type DonationKind,
} from "~/schemas/donations";
import { requireUser } from "~/utils/auth.server";
import { allMessages, failure, formDataToObject, isFormFailure, parseSubmission } from "~/utils/forms";
import { guard, guardForm, invalid } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { useValidatedForm } from "~/utils/use-validated-form";
import { usePending } from "~/utils/use-pending";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.vendor.company} · Donations · Dropin` : "Donations · Dropin" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { vendor, donations, asCoordinator } = await guard(listVendorDonations(user.id, params.vendorId!));
  // Set by the redirect after logging: that donation is marked, and the form starts empty.
  const logged = new URL(request.url).searchParams.get("logged");
  return {
    logged: donations.some((d) => d.id === logged) ? logged : null,
    vendor: { id: vendor.id, company: vendor.company, thanksOptIn: vendor.thanksOptIn },
    event: { name: vendor.event.name, slug: vendor.event.slug },
    donations,
    asCoordinator,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const vendorId = params.vendorId!;
  // Someone else's vendor answers 404 before the form is read.
  await guard(assertVendorAccess(user.id, vendorId));
  const isMultipart = request.headers.get("Content-Type")?.startsWith("multipart/form-data");
  const formData = isMultipart
    ? await unstable_parseMultipartFormData(
        request,
        unstable_createMemoryUploadHandler({ maxPartSize: MAX_PHOTO_BYTES }),
      ).catch(() => null)
    : await request.formData();
  const back = `/vendor/${vendorId}`;
  if (!formData) {
    return invalid(failure({ intent: "photo" }, { formErrors: ["Use a photo of at most 2 MB."] }));
  }
  const intent = formData.get("intent");
  if (intent === "log") {
    const submission = parseSubmission(DonationSchema, formData);
    if (!submission.ok) return invalid(submission);
    const donation = await guard(logDonation(user.id, vendorId, submission.data));
    return redirectWithToast(`${back}?logged=${donation.id}`, {
      kind: "success",
      message: `${submission.data.itemName} is logged. Thank you!`,
    });
  }
  if (intent === "photo") {
    const file = formData.get("photo");
    const bytes = file instanceof Blob ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
    const raw = { intent: "photo", donationId: String(formData.get("donationId")) };
    const done = await guardForm(raw, attachDonationPhoto(user.id, raw.donationId, bytes));
    if (!done.ok) return invalid(done.result);
    return redirectWithToast(back, { kind: "success", message: "Photo added." });
  }
  if (intent === "thanks") {
    const optIn = formData.get("optIn") === "yes";
    await guard(setThanksOptIn(user.id, vendorId, optIn));
    return redirectWithToast(back, {
      kind: "success",
      message: optIn ? "You will be thanked on the PD day's page." : "Your company will not be named in public.",
    });
  }
  return invalid(failure(formDataToObject(formData), { formErrors: ["Unknown action."] }));
}

const LOG_DEFAULTS = { kind: "prize" as const, quantity: "1" };
const EMPTY_LOG = { ...LOG_DEFAULTS, itemName: "", description: "", unitValue: "", restrictions: "" };

export default function VendorPortal() {
  const { vendor, event, donations, asCoordinator, logged } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const lastFailure = isFormFailure(actionData) ? actionData : null;
  const intent = lastFailure?.values.intent;
  const log = useValidatedForm(DonationSchema, {
    intent: "log",
    defaultValues: LOG_DEFAULTS,
    lastResult: intent === "log" ? lastFailure : null,
  });
  // With JavaScript the page is not reloaded after logging, so the typed values would
  // stay and a second press would log the same donation twice: start the form afresh.
  const resetLog = log.form.reset;
  useEffect(() => {
    if (logged) resetLog(EMPTY_LOG);
  }, [logged, resetLog]);
  const pending = usePending();
  const errorCount = intent === "log" ? Object.keys(lastFailure?.fieldErrors ?? {}).length : 0;
  const total = donations.reduce((sum, d) => sum + d.quantity * d.unitValueCents, 0);
  return (
    <>
      {asCoordinator ? (
        <p>
          <Link to={`/events/${event.slug}/vendors`}>← Vendors of {event.name}</Link>
        </p>
      ) : null}
      <h1>{vendor.company}</h1>
      <p className="muted">Donations for {event.name}</p>

      <section className="card" aria-labelledby="donations-title">
        <h2 id="donations-title">Your donations ({formatCents(total)})</h2>
        {lastFailure && intent !== "log" ? <FormErrors errors={allMessages(lastFailure)} /> : null}
        {donations.length === 0 ? (
          <p>Nothing logged yet. Use the form below.</p>
        ) : (
          <ul className="list-plain donation-list">
            {donations.map((d) => (
              <li key={d.id} className={`donation-item${d.id === logged ? " is-new" : ""}`}>
                <p>
                  {d.id === logged ? <span className="tag">Just logged</span> : null} <strong>{d.itemName}</strong> ·{" "}
                  {DONATION_KIND_LABELS[d.kind as DonationKind]?.split(" (")[0]} · {d.quantity} ×{" "}
                  {formatCents(d.unitValueCents)} · {DONATION_STATUS_LABELS[d.status]}
                </p>
                {d.description ? <p>{d.description}</p> : null}
                {d.restrictions ? <p className="muted">Restrictions: {d.restrictions}</p> : null}
                {d.photoPath ? (
                  <img
                    className="donation-photo"
                    src={`/vendor/${vendor.id}/donations/${d.id}/photo`}
                    alt={d.itemName}
                  />
                ) : null}
                <Form method="post" encType="multipart/form-data" className="photo-form">
                  <input type="hidden" name="intent" value="photo" />
                  <input type="hidden" name="donationId" value={d.id} />
                  <Field
                    label={`Photo of ${d.itemName} (optional)`}
                    type="file"
                    name="photo"
                    accept="image/jpeg,image/png,image/webp"
                    hint="JPEG, PNG or WebP, at most 2 MB."
                  />
                  <Button
                    variant="secondary"
                    disabled={pending({ intent: "photo", donationId: d.id })}
                    aria-label={`Upload photo of ${d.itemName}`}
                  >
                    Upload photo
                  </Button>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="log-title">
        <h2 id="log-title">Log a donation</h2>
        <Form method="post" noValidate onSubmit={log.onSubmit}>
          {log.intentField}
          <ErrorSummary count={errorCount} />
          <FormErrors errors={log.formErrors} />
          <SelectField
            label="Kind"
            options={DONATION_KINDS.map((kind) => ({ value: kind, label: DONATION_KIND_LABELS[kind] }))}
            {...log.field("kind")}
          />
          <Field label="Item name" {...log.field("itemName")} />
          <TextareaField label="Description (optional)" {...log.field("description")} />
          <div className="form-row">
            <Field label="Quantity" inputMode="numeric" hint="From 1 to 1000." {...log.field("quantity")} />
            <Field label="Estimated value per item, in dollars" inputMode="decimal" {...log.field("unitValue")} />
          </div>
          <Field
            label="Restrictions (optional)"
            hint={`For example "for a K-2 teacher" or "must be present".`}
            {...log.field("restrictions")}
          />
          <div className="form-actions">
            <Button disabled={log.pending}>Log donation</Button>
          </div>
        </Form>
      </section>

      <section className="card" aria-labelledby="sponsor-title">
        <h2 id="sponsor-title">Public thanks</h2>
        <p>
          {vendor.thanksOptIn
            ? `${vendor.company} is listed under "Thanks to our sponsors" on the PD day's page.`
            : `${vendor.company} is not named in public.`}
        </p>
        <Form method="post">
          <input type="hidden" name="intent" value="thanks" />
          <input type="hidden" name="optIn" value={vendor.thanksOptIn ? "no" : "yes"} />
          <Button variant="secondary" disabled={pending({ intent: "thanks" })}>
            {vendor.thanksOptIn ? "Do not name us in public" : "Thank us in public"}
          </Button>
        </Form>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
