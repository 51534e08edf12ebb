import type { LoaderFunctionArgs } from "@remix-run/node";
import { readDonationPhoto } from "~/.server/vendors/donations";
import { requireUser } from "~/utils/auth.server";
import { guard } from "~/utils/http.server";

// Photos are served only to the vendor's contacts and the event's coordinators.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const photo = await guard(readDonationPhoto(user.id, params.donationId!));
  return new Response(photo.bytes, {
    headers: {
      "Content-Type": photo.type,
      "Cache-Control": "private, max-age=3600",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
