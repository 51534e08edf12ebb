// Kiosk links on the people page: make one for a shared door device (the code is
// shown once, here, right after it is made) and revoke those still working.
import { Form } from "@remix-run/react";
import { Button } from "~/components/button";
import { Field, FormErrors } from "~/components/forms";
import { formatTimestamp } from "~/utils/dates";
import { usePending } from "~/utils/use-pending";
import { RowAction } from "./row-action";

export type NewKioskLink = { label: string; url: string; qrSvg: string; expiresAt: string };
type LinkRow = { id: string; label: string; expiresAt: string | Date };

export function KioskLinks({
  links,
  created,
  timeZone,
  errors,
  label,
}: {
  links: LinkRow[];
  created: NewKioskLink | null;
  timeZone: string;
  errors: { label?: string; form: string[] };
  label: string;
}) {
  const making = usePending()({ intent: "kiosk-link" });
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
      <Form method="post" noValidate>
        <FormErrors errors={errors.form} />
        <input type="hidden" name="intent" value="kiosk-link" />
        <Field
          label="Device name"
          name="label"
          defaultValue={label}
          maxLength={60}
          error={errors.label}
          hint="e.g. Front door iPad"
        />
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
