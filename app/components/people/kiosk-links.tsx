// Kiosk links on the people page: make one for a shared door device (the code is
// shown once, here, right after it is made) and revoke those still working.
import { Form } from "@remix-run/react";
import { Button } from "~/components/button";
import { Field, FormErrors } from "~/components/forms";
import { KioskLinkSchema } from "~/schemas/people";
import { formatTimestamp } from "~/utils/dates";
import type { FormFailure } from "~/utils/forms";
import { useValidatedForm } from "~/utils/use-validated-form";
import { RowAction } from "./row-action";

export type NewKioskLink = { label: string; url: string; qrSvg: string; expiresAt: string };
type LinkRow = { id: string; label: string; expiresAt: string | Date };

export function KioskLinks({
  links,
  created,
  timeZone,
  failure,
}: {
  links: LinkRow[];
  created: NewKioskLink | null;
  timeZone: string;
  /** The "Make a kiosk link" form's refused post. */
  failure: FormFailure | null;
}) {
  const {
    field,
    onSubmit,
    formErrors,
    pending: making,
    intentField,
  } = useValidatedForm(KioskLinkSchema, {
    intent: "kiosk-link",
    lastResult: failure,
  });
  return (
    <section className="card" aria-labelledby="kiosk-links-title">
      <h2 id="kiosk-links-title">Kiosk links for shared devices</h2>
      <p className="muted">
        Open a kiosk link on the door's tablet or laptop to run check-in there without anyone's password. It reaches the
        door kiosk and the live view of this PD day only, and stops working at the end of the PD day or when you revoke
        it.
      </p>
      {created ? (
        <div className="notice notice-open" role="status" aria-labelledby="new-kiosk-link-title">
          <h3 id="new-kiosk-link-title">Kiosk link for {created.label}</h3>
          <p>Open this on the device now: it is shown only once.</p>
          <p className="break-anywhere">
            <a href={created.url}>{created.url}</a>
          </p>
          <div
            className="qr kiosk-link-qr"
            role="img"
            aria-label={`QR code of the kiosk link for ${created.label}`}
            // The SVG comes from the qrcode library, built from our own URL.
            dangerouslySetInnerHTML={{ __html: created.qrSvg }}
          />
          <p className="muted">Works until {formatTimestamp(created.expiresAt, timeZone)}.</p>
        </div>
      ) : null}
      <Form method="post" noValidate onSubmit={onSubmit}>
        <FormErrors errors={formErrors} />
        {intentField}
        <Field label="Device name" maxLength={60} hint="e.g. Front door iPad" {...field("label")} />
        <div className="form-actions">
          <Button disabled={making}>Make a kiosk link</Button>
        </div>
      </Form>
      {links.length > 0 ? (
        <ul className="list-plain" aria-label="Kiosk links that work">
          {links.map((link) => (
            <li key={link.id} className="row-with-action">
              <span>
                {link.label} <span className="muted">· until {formatTimestamp(link.expiresAt, timeZone)}</span>
              </span>
              <RowAction intent="revoke-kiosk-link" fields={{ kioskLinkId: link.id }}>
                Revoke<span className="visually-hidden"> the kiosk link {link.label}</span>
              </RowAction>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
