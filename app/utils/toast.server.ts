import { redirect } from "@remix-run/node";
import { getToastStorage } from "./session.server";

export type Toast = { kind: "success" | "info" | "error"; message: string };

/** The Set-Cookie value that shows `toast` once on the next page. */
export async function toastCookie(toast: Toast) {
  const storage = getToastStorage();
  const session = await storage.getSession();
  session.flash("toast", toast);
  return storage.commitSession(session);
}

/** Redirect and show a one-time message on the next page. */
export async function redirectWithToast(url: string, toast: Toast, init: ResponseInit = {}) {
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", await toastCookie(toast));
  return redirect(url, { ...init, headers });
}

/** Read (and clear) the pending toast; the caller must send the returned header. */
export async function takeToast(request: Request) {
  const storage = getToastStorage();
  const session = await storage.getSession(request.headers.get("Cookie"));
  const toast = (session.get("toast") as Toast | undefined) ?? null;
  return { toast, setCookie: toast ? await storage.commitSession(session) : null };
}
