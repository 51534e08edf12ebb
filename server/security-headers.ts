// Security headers the Express server (server/app.ts) sends with every page, under
// `npm start` and `npm run dev` alike.
import crypto from "node:crypto";
import type { Express, Request, Response } from "express";
import helmet from "helmet";

declare module "@remix-run/node" {
  /** What the Express server (server/app.ts) hands every loader and action. */
  interface AppLoadContext {
    /** This response's Content-Security-Policy nonce, for the scripts Remix and React inline. */
    cspNonce?: string;
    /** The client's address; behind a proxy only when TRUST_PROXY says so. */
    clientIp?: string;
  }
}

type Locals = { cspNonce?: string };

const hsts = helmet.strictTransportSecurity({ maxAge: 365 * 24 * 60 * 60, includeSubDomains: true });

/**
 * Adds the nonce and the headers to every response. `trustProxy` is Express's
 * "trust proxy" setting (TRUST_PROXY): only then do X-Forwarded-For/-Proto from a
 * reverse proxy count for req.ip and req.secure.
 */
export function useSecurityHeaders(app: Express, { trustProxy }: { trustProxy: boolean | number | string }) {
  app.set("trust proxy", trustProxy);
  app.use((_req, res, next) => {
    (res.locals as Locals).cspNonce = crypto.randomBytes(16).toString("base64");
    next();
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        // Spelled out in full rather than helmet's defaults: those add
        // upgrade-insecure-requests, which breaks a plain-http install on the LAN.
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          // Remix and React inline a few scripts (route manifest, hydration data,
          // streamed single-fetch chunks, scroll restoration); each carries the nonce.
          // No 'strict-dynamic': every script the app loads is same-origin, and with
          // it browsers would ignore 'self' (and so refuse the attendee service worker).
          scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce as string}'`],
          scriptSrcAttr: ["'none'"],
          // Inline style attributes are in the server-rendered markup (React `style`
          // props, dnd-kit's screen-reader live region) and a nonce cannot cover an
          // attribute. Injected CSS cannot run code, so 'unsafe-inline' here is an
          // accepted trade; scripts stay strict. (style-src-attr alone would be tighter
          // but older iPads ignore it and would then drop those styles.)
          styleSrc: ["'self'", "'unsafe-inline'"],
          // QR codes and photo previews are data: and blob: URLs.
          imgSrc: ["'self'", "data:", "blob:"],
          fontSrc: ["'self'", "data:"],
          connectSrc: ["'self'"],
          // The kiosk camera is a MediaStream (not a URL); blob: covers a fallback.
          mediaSrc: ["'self'", "blob:"],
          workerSrc: ["'self'"],
          manifestSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
        },
      },
      // Only over TLS; see below.
      strictTransportSecurity: false,
      xFrameOptions: { action: "deny" },
      // Several URLs carry secrets (join links, invitations, reset links, private
      // iCal feeds) and no other site needs to know where a visitor came from:
      // send a Referer only within Dropin.
      referrerPolicy: { policy: "same-origin" },
    }),
  );
  // HSTS over plain http is ignored by browsers and would be a lie; send it only when
  // the request came over TLS (directly, or via a trusted proxy's X-Forwarded-Proto).
  app.use((req, res, next) => (req.secure ? hsts(req, res, next) : next()));
}

export function getLoadContext(req: Request, res: Response) {
  return {
    cspNonce: (res.locals as Locals).cspNonce,
    clientIp: req.ip ?? req.socket.remoteAddress,
  };
}
