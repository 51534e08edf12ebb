import type { LoaderFunctionArgs } from "@remix-run/node";
import { mineAnswer } from "~/.server/attendees/personal-parts";

// GET /e/<slug>/mine/<page>[/<id>]: the signed-in person's part of a stored attendee
// page (session, room, my-day, credit). The production server answers this address
// itself (server/hot-paths.ts) with the same function; this route serves `npm run dev`.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const [page = "", id = ""] = (params["*"] ?? "").split("/");
  const answer = await mineAnswer(request.headers.get("Cookie"), params.slug!, page, id);
  return Response.json(answer.body, {
    status: answer.status,
    headers: { "Cache-Control": "private, no-store", Vary: "Cookie" },
  });
}
