import type { LoaderFunctionArgs } from "@remix-run/node";
import { myPicksAnswer } from "~/.server/attendees/schedule-viewer";

// The signed-in person's own picks, which the stored schedule page applies to its
// buttons. The production server answers this address itself (server/hot-paths.ts)
// with the same function; this route serves `npm run dev`.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const answer = await myPicksAnswer(request.headers.get("Cookie"), params.slug!);
  return Response.json(answer.body, {
    status: answer.status,
    headers: { "Cache-Control": "private, no-store", Vary: "Cookie" },
  });
}
