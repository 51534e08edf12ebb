import type { Toast } from "~/utils/toast.server";

/**
 * The flash message after a redirect. Rendered in the page (not a timed popup) so
 * it works without JavaScript and is announced by screen readers via role=status.
 */
export function Toaster({ toast }: { toast: Toast | null }) {
  return (
    <div role="status" aria-live="polite" className="toast-region">
      {toast ? <p className={`toast toast-${toast.kind}`}>{toast.message}</p> : null}
    </div>
  );
}
