// How large a request body each path may send. The Express server's request
// guards (server/request-guards.ts) refuse a larger one from its Content-Length
// before reading it; the table lives here, beside the rules that set the sizes.
import { MAX_RESOURCE_FILE_BYTES } from "./takeaways/resources";
import { MAX_PHOTO_BYTES } from "./vendors/donations";

const MB = 1024 * 1024;

/** Any form's fields, the kiosk's queue of up to 1,000 scans, a room list CSV (256 KB). */
export const FORM_LIMIT = 1 * MB;

/** Routes that take an upload, with room for the form around the file. */
const UPLOAD_LIMITS: { path: RegExp; bytes: number; what: string }[] = [
  // A donation photo (at most MAX_PHOTO_BYTES) and the donation form.
  { path: /^\/vendor\/[^/]+$/, bytes: MAX_PHOTO_BYTES + 1 * MB, what: "a photo of at most 2 MB" },
  // A roster CSV of at most 2 MB, or the same roster posted back as form text
  // after the preview (URL-encoding can triple its size).
  { path: /^\/events\/[^/]+\/roster$/, bytes: 8 * MB, what: "a roster of at most 2 MB" },
  // A session's resource file (at most MAX_RESOURCE_FILE_BYTES) and its name.
  {
    path: /^\/e\/[^/]+\/sessions\/[^/]+\/takeaways$/,
    bytes: MAX_RESOURCE_FILE_BYTES + 1 * MB,
    what: "a file of at most 10 MB",
  },
];

/** The limit for one path; a single-fetch data request (`/x.data`) counts as its page. */
export function bodyLimitFor(pathname: string) {
  const page = pathname.replace(/\.data$/, "");
  return UPLOAD_LIMITS.find((limit) => limit.path.test(page)) ?? { bytes: FORM_LIMIT, what: "a form" };
}
