import type { LoaderFunctionArgs } from "@remix-run/node";
import { readSessionResourceFile } from "~/.server/takeaways/resources";
import { requireUser } from "~/utils/auth.server";
import { guard } from "~/utils/http.server";

/** RFC 6266: an ASCII fallback name, and the real one percent-encoded. */
function disposition(kind: "inline" | "attachment", fileName: string) {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

// A session's resource file, for the session's people only (the service checks).
// Only the pictures open in the browser; everything else downloads, and the types
// allowed are sniffed from the bytes (never HTML or SVG), so no upload can run as
// a page of Dropin's. The sandbox CSP is a second lock should one ever be opened
// (the server adds nosniff and its own CSP to every response; both policies hold).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const file = await guard(readSessionResourceFile(user.id, params.slug!, params.placementId!, params.postId!));
  return new Response(file.bytes, {
    headers: {
      "Content-Type": file.type,
      "Content-Disposition": disposition(file.isImage ? "inline" : "attachment", file.fileName),
      "Content-Security-Policy": "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
      // A removed or hidden file stops being served at once: the browser asks each time.
      "Cache-Control": "private, no-cache",
    },
  });
}
