import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getEventForCoordinator } from "~/.server/events/events";
import { thankYouLetter } from "~/.server/vendors/thanks";
import { ErrorMessage } from "~/components/error-message";
import { DONATION_KIND_LABELS, formatCents, type DonationKind } from "~/schemas/donations";
import { requireUser } from "~/utils/auth.server";
import { formatEventDate } from "~/utils/dates";
import { guard } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Thank-you letter · ${data.vendor.company} · Dropin` : "Thank-you letter · Dropin" },
];

// A printable letter: the browser's Print command makes the PDF (print styles hide the site chrome).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const event = await guard(getEventForCoordinator(user.id, params.slug!));
  const letter = await guard(thankYouLetter(user.id, event.id, params.vendorId!));
  return {
    event: { name: event.name, slug: event.slug, date: event.date, venue: event.venue },
    vendor: { company: letter.vendor.company, contactName: letter.vendor.contactName },
    donations: letter.donations.map((d) => ({
      id: d.id,
      itemName: d.itemName,
      kind: d.kind,
      quantity: d.quantity,
      unitValueCents: d.unitValueCents,
    })),
    total: letter.total,
    signer: letter.signer,
  };
}

export default function ThankYouLetter() {
  const { event, vendor, donations, total, signer } = useLoaderData<typeof loader>();
  return (
    <article className="print-page thank-you-letter">
      <p className="no-print">
        <Link to={`/events/${event.slug}/vendors`}>← Vendors</Link> · Use your browser’s Print command to print or save
        as PDF.
      </p>
      <h1>Thank you, {vendor.company}</h1>
      <p>Dear {vendor.contactName},</p>
      <p>
        Thank you for {vendor.company}’s generous support of {event.name} on {formatEventDate(event.date)}
        {event.venue ? ` at ${event.venue}` : ""}. Your donations made the day better for every teacher who came.
      </p>
      <table>
        <caption>Your donations</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Kind</th>
            <th scope="col">Quantity</th>
            <th scope="col">Value each</th>
            <th scope="col">Value</th>
          </tr>
        </thead>
        <tbody>
          {donations.map((d) => (
            <tr key={d.id}>
              <td>{d.itemName}</td>
              <td>{DONATION_KIND_LABELS[d.kind as DonationKind]?.split(" (")[0] ?? d.kind}</td>
              <td>{d.quantity}</td>
              <td>{formatCents(d.unitValueCents)}</td>
              <td>{formatCents(d.quantity * d.unitValueCents)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={4}>
              Total estimated value
            </th>
            <td>{formatCents(total)}</td>
          </tr>
        </tfoot>
      </table>
      <p>With our thanks,</p>
      <p>{signer}</p>
    </article>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
