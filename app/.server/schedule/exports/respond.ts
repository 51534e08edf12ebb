// HTTP answers for the export routes. A version never changes, so its id is a
// perfect ETag: calendar apps and schedule apps that poll get a cheap 304.
import { errorHeaders } from "~/utils/http.server";
import { DomainError } from "../../errors";

type ExportOptions = {
  contentType: string;
  /** Suggested file name for a download. */
  filename?: string;
  /** Presenter feeds are private to one person; the event's exports are public. */
  scope?: "public" | "private";
};

export function exportResponse(request: Request, versionId: string, body: string, options: ExportOptions) {
  const etag = `"${versionId}"`;
  const headers = new Headers({
    ETag: etag,
    // Revalidate every time: a day-of change must show at once, and the check is a 304.
    "Cache-Control": `${options.scope ?? "public"}, no-cache`,
  });
  const sent = request.headers.get("If-None-Match");
  if (sent && sent.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag)) {
    return new Response(null, { status: 304, headers });
  }
  headers.set("Content-Type", options.contentType);
  if (options.filename) headers.set("Content-Disposition", `inline; filename="${options.filename}"`);
  return new Response(body, { status: 200, headers });
}

/** Exports answer in plain text, not an HTML error page: they are fetched by programs. */
export async function exportOrPlainError(work: () => Promise<Response>) {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainError) {
      return new Response(`${error.message}\n`, {
        status: error.status,
        headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...errorHeaders(error) },
      });
    }
    throw error;
  }
}
