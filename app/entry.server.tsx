// Remix's default Node entry (bots get the whole page at once, browsers a stream),
// plus the Content-Security-Policy nonce from the Express server (server/): RemixServer
// and React put it on the scripts they inline, and root.tsx on <Scripts>.
import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { NonceContext } from "./root";

// What the Express server (server/) uses from the app, taken from this build rather
// than imported from app/: the process then holds one copy of every module (one
// Prisma client, one SQLite connection, one kiosk cookie cache). server/app.ts
// reads these through `build.entry.module`.
export { attendeePageStamp } from "./.server/attendees/public-page-stamp";
export { mineAnswer } from "./.server/attendees/personal-parts";
export { mayGetStoredPage, myPicksAnswer, sharedViewerOf } from "./.server/attendees/schedule-viewer";
export { kioskSync } from "./.server/checkin/kiosk-sync";
export { startCircleReminders } from "./.server/circles/nudges";
export { bodyLimitFor } from "./.server/upload-limits";
export { getEnv } from "./utils/env.server";

// Single fetch: how long deferred data may keep streaming; the render is aborted a
// second later so its rejections still reach the browser.
export const streamTimeout = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce;
  const waitForAll = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const ready = () => {
      shellRendered = true;
      const body = new PassThrough();
      responseHeaders.set("Content-Type", "text/html");
      resolve(
        new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }),
      );
      pipe(body);
    };
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        ...(waitForAll ? { onAllReady: ready } : { onShellReady: ready }),
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors in the shell reject above and Remix logs them; log only later ones.
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, streamTimeout + 1_000);
  });
}
