// `npm run bench`, issue 16's rows: what a signed-in attendee opens on the large
// day, against the anonymous schedule page measured in the same run.
import http from "node:http";
import { attendeeJavaScript, BUDGET_KB } from "./attendee-js-size";
import { load, type Load } from "./bench-support";

export type BenchRow = {
  what: string;
  figure: string;
  target: string;
  ok: boolean | null;
  reference: string;
  ratio: string;
};

const PHONE = { "accept-encoding": "gzip, br", "user-agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)" };
const ms = (n: number) => `${n.toFixed(1)} ms`;

/** The bytes on the wire (gzip, as a phone asks) of one GET. */
function gzippedBytes(url: string, cookie: string) {
  return new Promise<number>((resolve, reject) => {
    http
      .get(url, { headers: { "accept-encoding": "gzip", cookie } }, (res) => {
        let bytes = 0;
        res.on("data", (chunk: Buffer) => (bytes += chunk.length));
        res.on("end", () => (res.statusCode === 200 ? resolve(bytes) : reject(new Error(`${url}: ${res.statusCode}`))));
      })
      .on("error", reject);
  });
}

export async function measureAttendeePages(base: string, cookie: string, duration: number) {
  const signedIn = { ...PHONE, cookie };
  const schedule = await (await fetch(`${base}/e/large`, { headers: { cookie } })).text();
  const sessionPath = /href="(\/e\/large\/sessions\/[^"?#]+)"/.exec(schedule)?.[1];
  const roomPath = /href="(\/e\/large\/rooms\/[^"?#]+)"/.exec(schedule)?.[1];
  if (!sessionPath || !roomPath) throw new Error("The signed-in schedule links no session or room");
  const bytes =
    (await gzippedBytes(`${base}/e/large`, cookie)) + (await gzippedBytes(`${base}/e/large/my-picks`, cookie));
  const pages: Record<string, Load> = {};
  console.log("Attendee schedule page, signed in, 100 phones; its picks request (GET /e/large/my-picks), 10 phones…");
  pages.schedule100 = await load({ url: `${base}/e/large`, connections: 100, duration, headers: signedIn });
  pages.myPicks = await load({ url: `${base}/e/large/my-picks`, connections: 10, duration, headers: signedIn });
  const idOf = (path: string) => path.slice(path.lastIndexOf("/") + 1);
  for (const [name, path] of [
    ["session", sessionPath],
    ["myDay", "/e/large/my-day"],
    ["room", roomPath],
    ["credit", "/e/large/credit"],
    // Each stored page above then asks for the person's own part (personal-parts.ts).
    ["sessionPart", `/e/large/mine/session/${idOf(sessionPath)}`],
    ["myDayPart", "/e/large/mine/my-day"],
    ["roomPart", `/e/large/mine/room/${idOf(roomPath)}`],
    ["creditPart", "/e/large/mine/credit"],
  ] as const) {
    console.log(`Signed in, 10 phones: GET ${path}…`);
    pages[name] = await load({ url: `${base}${path}`, connections: 10, duration, headers: signedIn });
  }
  return { pages, bytes, js: attendeeJavaScript() };
}

/** The rows, each against the anonymous schedule page at 10 phones (`anon`) from the same run. */
export function attendeePageRows(
  anon: Load,
  signedIn10: Load,
  measured: Awaited<ReturnType<typeof measureAttendeePages>>,
): BenchRow[] {
  const { pages, bytes, js } = measured;
  const half = (what: string, r: Load): BenchRow => ({
    what,
    figure: `${r.rps.toFixed(0)} req/s, p95 ${ms(r.p95)}`,
    target: "≥ 0.5 × anonymous req/s",
    ok: r.rps >= 0.5 * anon.rps && r.non2xx === 0 && r.errors === 0,
    reference: "anonymous page req/s (10)",
    ratio: (r.rps / anon.rps).toFixed(3),
  });
  const maxJs = js ? Math.max(...js.map((p) => p.kb)) : NaN;
  return [
    {
      ...half("Attendee schedule page (signed in), 10 concurrent", signedIn10),
      target: "≥ 0.5 × anonymous req/s, p95 ≤ 3 × anonymous p95",
      ok: signedIn10.rps >= 0.5 * anon.rps && signedIn10.p95 <= 3 * anon.p95 && signedIn10.non2xx === 0,
      ratio: `${(signedIn10.rps / anon.rps).toFixed(3)} (p95 × ${(signedIn10.p95 / Math.max(anon.p95, 0.001)).toFixed(1)})`,
    },
    {
      what: "Attendee schedule page (signed in), 100 concurrent",
      figure: `${pages.schedule100!.rps.toFixed(0)} req/s, p95 ${ms(pages.schedule100!.p95)}, ${pages.schedule100!.errors + pages.schedule100!.non2xx} errors`,
      target: "no errors",
      ok: pages.schedule100!.errors === 0 && pages.schedule100!.non2xx === 0,
      reference: "anonymous page req/s (10)",
      ratio: (pages.schedule100!.rps / anon.rps).toFixed(3),
    },
    { ...half("Its picks request (GET my-picks), 10 concurrent", pages.myPicks!), target: "reported", ok: null },
    {
      what: "Signed-in schedule, bytes a phone downloads (HTML + picks, gzip)",
      figure: `${(bytes / 1024).toFixed(1)} KB`,
      target: "≤ 60 KB",
      ok: bytes <= 60 * 1024,
      reference: "—",
      ratio: "—",
    },
    {
      what: "Attendee pages' JavaScript (largest page, gzip)",
      figure: js ? `${maxJs.toFixed(1)} KB` : "no build",
      target: `≤ ${BUDGET_KB} KB`,
      ok: js ? maxJs <= BUDGET_KB : null,
      reference: "—",
      ratio: "—",
    },
    {
      what: "Attendee forms' check, loaded on first edit (largest page, gzip)",
      figure: js ? `${Math.max(...js.map((p) => p.laterKb)).toFixed(1)} KB` : "no build",
      target: "reported (outside the page budget)",
      ok: null,
      reference: "—",
      ratio: "—",
    },
    half("Session page (signed in), 10 concurrent", pages.session!),
    half("My day (signed in), 10 concurrent", pages.myDay!),
    half("Room page (signed in), 10 concurrent", pages.room!),
    { ...half("PD credit page (signed in), 10 concurrent", pages.credit!), target: "reported", ok: null },
    half("Session page: its part (GET mine/session), 10 concurrent", pages.sessionPart!),
    half("My day: its part (GET mine/my-day), 10 concurrent", pages.myDayPart!),
    half("Room page: its part (GET mine/room), 10 concurrent", pages.roomPart!),
    {
      ...half("PD credit page: its part (GET mine/credit), 10 concurrent", pages.creditPart!),
      target: "reported",
      ok: null,
    },
  ];
}
