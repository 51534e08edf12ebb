// Checks the Express server (server/app.ts; `npm start` and `npm run dev` alike)
// runs on every request before anything else (the kiosk's hot path, the stored
// public page and Remix alike).
//
// - An address that cannot be decoded (`/e/%ZZ`) is a 400, not a crash further in.
// - Cross-site request forgery: a write (anything but GET/HEAD) is refused unless
//   the browser says it comes from Dropin's own pages. A session cookie is
//   SameSite=Lax, which still lets any page on the same *site* post with it — a
//   page on another port of the same host, or on another subdomain — so the
//   cookie alone proves nothing about who asked.
// - Body size: a form never needs more than a megabyte; the few upload routes get
//   what their largest file needs (app/.server/upload-limits.ts). The check reads
//   Content-Length before a byte of the body is read, so an oversized upload costs
//   no memory.
import type { Express, NextFunction, Request, Response } from "express";

const MB = 1024 * 1024;

/** How large a body one path may send: app/.server/upload-limits.ts, handed over by the server build. */
export type BodyLimitFor = (pathname: string) => { bytes: number; what: string };

/**
 * Whether a write comes from Dropin's own pages. Browsers send Origin with every
 * POST (and fetch from a page) and pages cannot forge it; Sec-Fetch-Site is set by
 * the browser too, and covers someone who reached Dropin by another name than
 * APP_URL (its IP address) in a browser that sends it. No Origin and no
 * Sec-Fetch-Site means a program, or a browser stripping them: refused, since a
 * forged request cannot be told apart from it. A browser's same-origin request
 * carries its page's Origin, whose host is the Host it sent; a request claiming
 * "same-origin" with some other Origin comes from no browser and is refused here
 * (Remix's own check would otherwise answer it with a 500).
 */
export function isSameOriginWrite(
  headers: { origin?: string; host?: string; "sec-fetch-site"?: string },
  appOrigin: string,
) {
  if (headers.origin && headers.origin !== "null" && headers.origin === appOrigin) return true;
  if (headers["sec-fetch-site"] !== "same-origin") return false;
  if (!headers.origin) return true;
  try {
    return new URL(headers.origin).host === headers.host;
  } catch {
    return false;
  }
}

function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A browser navigating (a form post, a typed address) reads a page; programs and data requests get JSON. */
function wantsPage(req: Request) {
  const dataRequest = /\.data$/.test(req.path) || "_data" in req.query;
  return !dataRequest && (req.headers.accept ?? "").includes("text/html");
}

/**
 * The answer to a refused request: a small readable page for a browser, JSON
 * `{ message }` otherwise. Its own headers, since it leaves before the page
 * middleware (nonce, helmet) runs.
 */
export function refuse(req: Request, res: Response, status: number, title: string, message: string) {
  res.status(status).set({
    "Cache-Control": "no-store",
    "Content-Security-Policy":
      "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    "Referrer-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
  });
  if (!wantsPage(req)) {
    res.json({ message });
    return;
  }
  res.type("html").send(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Dropin</title>
<style>body{font:1rem/1.5 system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}a{color:#0b57d0}</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(message)}</p>
<p><a href="/">Go to the start page</a></p>
</main>
</body>
</html>
`);
}

function refuseMalformedAddresses(req: Request, res: Response, next: NextFunction) {
  try {
    decodeURIComponent(req.path);
  } catch {
    refuse(
      req,
      res,
      400,
      "This address is not valid",
      "The address has a broken %-escape in it. Check the link and try again.",
    );
    return;
  }
  next();
}

function sameOriginWrites(appOrigin: string) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method === "GET" || req.method === "HEAD") return next();
    if (isSameOriginWrite(req.headers as { origin?: string; host?: string; "sec-fetch-site"?: string }, appOrigin))
      return next();
    const from = req.headers.origin;
    refuse(
      req,
      res,
      403,
      "This form came from another site",
      from && from !== "null"
        ? `Dropin only accepts forms sent from its own pages at ${appOrigin}; this one came from ${from}. Open Dropin at ${appOrigin} and try again.`
        : `Dropin only accepts forms sent from its own pages at ${appOrigin}, and this request did not say where it came from. Open Dropin at ${appOrigin} and try again.`,
    );
  };
}

const bodyLimits = (bodyLimitFor: BodyLimitFor) => (req: Request, res: Response, next: NextFunction) => {
  const length = req.headers["content-length"];
  if (length === undefined) {
    // Without a length the size is only known once read; browsers always send one.
    if (req.headers["transfer-encoding"]) {
      refuse(req, res, 411, "Length required", "Send the request with a Content-Length header.");
      return;
    }
    return next();
  }
  const limit = bodyLimitFor(req.path);
  if (Number(length) > limit.bytes) {
    const mb = `${Math.round((limit.bytes / MB) * 10) / 10} MB`;
    refuse(
      req,
      res,
      413,
      "Too large",
      `This was more than Dropin accepts here (${mb}, room for ${limit.what}). Send something smaller.`,
    );
    return;
  }
  next();
};

/** Mounted first by the Express server (server/app.ts). */
export function useRequestGuards(
  app: Express,
  { appUrl, bodyLimitFor }: { appUrl: string; bodyLimitFor: BodyLimitFor },
) {
  app.use(refuseMalformedAddresses);
  app.use(sameOriginWrites(new URL(appUrl).origin));
  app.use(bodyLimits(bodyLimitFor));
}
