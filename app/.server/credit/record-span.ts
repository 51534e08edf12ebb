// The PD record's span from the address (a GET form, so a chosen span can be
// bookmarked): a bad one falls back to the licence's usual five years, with the
// form's errors to show.
import { RecordSpanSchema } from "~/schemas/credit";
import { failure, issuesToErrors } from "~/utils/forms";
import { defaultSpan } from "./school-year";

export function spanFromUrl(url: URL) {
  const fallback = defaultSpan();
  if (!url.searchParams.has("from") && !url.searchParams.has("to")) return { span: fallback, failed: null };
  const raw = { from: url.searchParams.get("from") ?? "", to: url.searchParams.get("to") ?? "" };
  const parsed = RecordSpanSchema.safeParse(raw);
  if (parsed.success) return { span: parsed.data, failed: null };
  return { span: fallback, failed: failure(raw, issuesToErrors(parsed.error.issues)) };
}
