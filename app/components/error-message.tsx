import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";

/** Plain-language failure page, shared by every route's ErrorBoundary. */
export function ErrorMessage() {
  const error = useRouteError();
  let title = "Something went wrong";
  let message = "Dropin hit an unexpected problem. Try again, and tell your PD coordinator if it keeps happening.";
  if (isRouteErrorResponse(error)) {
    const detail = (error.data as { message?: string } | null)?.message;
    if (error.status === 404) {
      title = "Not found";
      message = detail ?? "We could not find that page.";
    } else if (error.status === 403) {
      title = "Not allowed";
      message = detail ?? "You do not have permission to see this.";
    } else if (error.status === 429) {
      title = "Please wait";
      message = detail ?? "Too many tries. Wait a few minutes and try again.";
    } else if (detail) {
      message = detail;
    }
  } else if (typeof window === "undefined") {
    console.error(error);
  }
  return (
    <section className="card narrow" aria-labelledby="error-title">
      <h1 id="error-title">{title}</h1>
      <p>{message}</p>
      <p>
        <Link to="/">Go to the start page</Link>
      </p>
    </section>
  );
}
