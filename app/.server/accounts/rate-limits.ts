// Rate limits on signing in and on everything that mails a code or a link. Counts
// live in this process's memory (one Dropin process per district), so a restart
// forgets them; that is fine for windows of minutes.
//
// A whole school often shares one public IP (every teacher on the same Wi-Fi at
// 7:45 am), so per-IP limits are generous and only stop a machine hammering the
// forms; the strict limits are per email address. Routes count only well-formed
// submissions, so a typo'd form still gets its field errors.
import { data, type HeadersFunction } from "@remix-run/node";
import { RateLimiterMemory } from "rate-limiter-flexible";
import { failure, type FormValues } from "~/utils/forms";
import { TooManyRequestsError } from "../errors";
import { count } from "~/utils/plural";

const MINUTES = 60;
const HOUR = 60 * MINUTES;

type Limit = { points: number; seconds: number };

export const LIMITS = {
  /** Wrong passwords for one account from one address: the guessing limit. */
  signInFailuresPerEmailAndIp: { points: 10, seconds: 15 * MINUTES },
  /** Wrong passwords for one account from anywhere: guessing spread over many addresses. */
  signInFailuresPerEmail: { points: 50, seconds: HOUR },
  /** Wrong passwords from one address, all accounts: password spraying. */
  signInFailuresPerIp: { points: 300, seconds: 15 * MINUTES },
  /** Reset links mailed to one address: no mail-bombing a colleague. */
  resetRequestsPerEmail: { points: 5, seconds: HOUR },
  resetRequestsPerIp: { points: 100, seconds: HOUR },
  /** Attendee codes mailed to one address (the service also stops mailing after 5 live codes). */
  codeRequestsPerEmail: { points: 8, seconds: 15 * MINUTES },
  /** A whole school asking for codes at once stays far below this. */
  codeRequestsPerIp: { points: 1000, seconds: 15 * MINUTES },
  /** Wrong codes (or dead join links) for one address; each wrong guess also burns the code. */
  codeFailuresPerEmail: { points: 10, seconds: 15 * MINUTES },
  codeFailuresPerIp: { points: 300, seconds: 15 * MINUTES },
  /** New accounts and password-reset submissions from one address. */
  signupsPerIp: { points: 100, seconds: HOUR },
  resetSubmitsPerIp: { points: 100, seconds: 15 * MINUTES },
  /**
   * Unknown private links (my-day and presenter feeds, presenter print pages) and
   * certificate codes from one address. Calendar services fetch many people's feeds
   * from a few addresses, so only misses count (a link that works hands its try back).
   */
  privateLinkMissesPerIp: { points: 300, seconds: 15 * MINUTES },
} satisfies Record<string, Limit>;

export type Limited = { message: string; retryAfterSeconds: number };

/** One count per key over a fixed window. */
class Counter {
  private readonly limiter: RateLimiterMemory;
  constructor(private readonly limit: Limit) {
    this.limiter = new RateLimiterMemory({ points: limit.points, duration: limit.seconds });
  }

  /** Counts one try; the wait in ms when this try is over the limit, else 0. */
  async take(key: string): Promise<number> {
    // penalty() counts without rejecting: a blocked try is counted all the same, and
    // counting before the check (not after) means parallel tries cannot slip past.
    const res = await this.limiter.penalty(key, 1);
    return res.consumedPoints > this.limit.points ? Math.max(res.msBeforeNext, 1000) : 0;
  }

  /** Hands back a try that turned out fine (a right password from a shared address). */
  async giveBack(key: string) {
    const res = await this.limiter.get(key);
    if (res && res.consumedPoints > 0) await this.limiter.reward(key, 1);
  }

  async clear(key: string) {
    await this.limiter.delete(key);
  }
}

function waitText(ms: number) {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  return count(minutes, "minute");
}

const normalize = (email: string) => email.trim().toLowerCase();
const address = (ip: string | undefined) => ip || "unknown";

async function takeAll(what: string, tries: [Counter, string][]): Promise<Limited | null> {
  let wait = 0;
  for (const [counter, key] of tries) wait = Math.max(wait, await counter.take(key));
  if (wait === 0) return null;
  return { message: `Too many ${what}. Try again in ${waitText(wait)}.`, retryAfterSeconds: Math.ceil(wait / 1000) };
}

export function createRateLimits(limits: Record<keyof typeof LIMITS, Limit> = LIMITS) {
  const c = Object.fromEntries(Object.entries(limits).map(([name, limit]) => [name, new Counter(limit)])) as Record<
    keyof typeof LIMITS,
    Counter
  >;
  return {
    /** Before checking a password. A right one hands the try back: only failures count. */
    async signInAttempt(email: string, ip: string | undefined) {
      const e = normalize(email);
      return takeAll("sign-in attempts", [
        [c.signInFailuresPerEmailAndIp, `${e}|${address(ip)}`],
        [c.signInFailuresPerEmail, e],
        [c.signInFailuresPerIp, address(ip)],
      ]);
    },
    /** A right password: the account's failures are forgiven. */
    async signInSucceeded(email: string, ip: string | undefined) {
      const e = normalize(email);
      await c.signInFailuresPerEmailAndIp.clear(`${e}|${address(ip)}`);
      await c.signInFailuresPerEmail.clear(e);
      await c.signInFailuresPerIp.giveBack(address(ip));
    },
    async resetRequest(email: string, ip: string | undefined) {
      return takeAll("reset requests", [
        [c.resetRequestsPerEmail, normalize(email)],
        [c.resetRequestsPerIp, address(ip)],
      ]);
    },
    async codeRequest(email: string, ip: string | undefined) {
      return takeAll("code requests", [
        [c.codeRequestsPerEmail, normalize(email)],
        [c.codeRequestsPerIp, address(ip)],
      ]);
    },
    /** Before checking a typed code; a right one hands the try back. */
    async codeAttempt(email: string, ip: string | undefined) {
      return takeAll("wrong codes", [
        [c.codeFailuresPerEmail, normalize(email)],
        [c.codeFailuresPerIp, address(ip)],
      ]);
    },
    async codeSucceeded(email: string, ip: string | undefined) {
      await c.codeFailuresPerEmail.clear(normalize(email));
      await c.codeFailuresPerIp.giveBack(address(ip));
    },
    /** Before checking a mailed join link (its token is unguessable; this stops a flood). */
    async joinLinkAttempt(ip: string | undefined) {
      return takeAll("sign-in attempts", [[c.codeFailuresPerIp, address(ip)]]);
    },
    async joinLinkSucceeded(ip: string | undefined) {
      await c.codeFailuresPerIp.giveBack(address(ip));
    },
    /** Before looking up a feed link or certificate code; a match hands the try back. */
    async privateLinkAttempt(ip: string | undefined) {
      return takeAll("unknown links from this network", [[c.privateLinkMissesPerIp, address(ip)]]);
    },
    async privateLinkFound(ip: string | undefined) {
      await c.privateLinkMissesPerIp.giveBack(address(ip));
    },
    async signup(ip: string | undefined) {
      return takeAll("new accounts from this network", [[c.signupsPerIp, address(ip)]]);
    },
    async resetSubmit(ip: string | undefined) {
      return takeAll("password changes from this network", [[c.resetSubmitsPerIp, address(ip)]]);
    },
  };
}

/** The one set of counters the app uses. */
export const rateLimits = createRateLimits();

/**
 * A lookup by a private link or a certificate code, under the per-address limit
 * on unknown ones: over it, a TooManyRequestsError (429) before any lookup; a
 * lookup that finds its owner hands the try back.
 */
export async function privateLinkLookup<T>(ip: string | undefined, lookup: () => Promise<T>): Promise<T> {
  const limited = await rateLimits.privateLinkAttempt(ip);
  if (limited) throw new TooManyRequestsError(limited.message, limited.retryAfterSeconds);
  const found = await lookup();
  await rateLimits.privateLinkFound(ip);
  return found;
}

/**
 * A route's `headers` export, so a refused submission's (or a refused lookup's)
 * Retry-After also reaches a full-page request (without it Remix sends action and
 * error headers only on data requests).
 */
export const retryAfterHeaders: HeadersFunction = ({ actionHeaders, errorHeaders }) => {
  const headers = new Headers();
  const retryAfter = actionHeaders.get("Retry-After") ?? errorHeaders?.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};

/** 429 with a form-level message and everything typed (passwords aside), like a failed submit. */
export function tooManyAttempts(values: FormValues, limited: Limited) {
  return data(failure(values, { formErrors: [limited.message] }), {
    status: 429,
    headers: { "Retry-After": String(limited.retryAfterSeconds) },
  });
}
