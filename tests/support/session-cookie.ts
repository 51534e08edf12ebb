// The Cookie header a browser sends once signed in: Dropin's session cookie
// carrying a session row's id, signed with the server's secret. Shared by the e2e
// specs (the suite's servers and the ones specs start themselves) and the bench.
import { createCookieSessionStorage } from "@remix-run/node";

export async function sessionCookie(sessionId: string, secret: string) {
  const storage = createCookieSessionStorage({
    cookie: { name: "__dropin_session", httpOnly: true, sameSite: "lax", path: "/", secrets: [secret] },
  });
  const session = await storage.getSession();
  session.set("sessionId", sessionId);
  return (await storage.commitSession(session)).split(";")[0]!;
}
