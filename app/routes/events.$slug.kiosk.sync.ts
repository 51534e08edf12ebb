import type { ActionFunctionArgs } from "@remix-run/node";
import { kioskSync } from "~/.server/checkin/kiosk-sync";

// JSON in, JSON out: the kiosk's offline queue uploads here when the network returns.
// Errors are JSON too, since no page renders them. The Express server (npm start and
// npm run dev) answers this path itself with the same function (server/hot-paths.ts).
export async function action({ request, params }: ActionFunctionArgs) {
  const answer = await kioskSync({
    cookie: request.headers.get("Cookie"),
    contentType: request.headers.get("Content-Type"),
    slug: params.slug!,
    body: await request.text(),
  });
  return Response.json(answer.body, { status: answer.status });
}

export function loader() {
  return Response.json({ message: "The kiosk posts queued scans here." }, { status: 405 });
}
