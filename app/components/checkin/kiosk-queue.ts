// The kiosk's check-ins with JavaScript: every scan or name check-in is first kept
// in localStorage with its own client id (the idempotency key), then posted to the
// JSON API. If the post fails in any way — no network, no answer within a few
// seconds, a 5xx — the scan simply stays queued and is sent again by itself with
// backoff. The server applies each client id once, so a scan whose answer was lost
// and is sent again cannot count twice. The page never navigates for a check-in,
// so a dead server can never turn the kiosk into an error page.
import { useCallback, useEffect, useRef, useState } from "react";

/** `name` is only for the "waiting" list on this device; the server is sent the rest. */
export type QueuedScan = {
  clientId: string;
  token?: string;
  userId?: string;
  walkIn?: { name: string; email: string; school: string; staffId: string };
  name?: string;
  scannedAt: string;
};
export type ScanAnswer = {
  clientId: string;
  status: "checked_in" | "already" | "unknown" | "closed";
  userId?: string;
  name?: string;
  school?: string | null;
  time?: string;
  message?: string;
};
export type DoorCounts = { checkedIn: number; roster: number };

/** How long a check-in may take before the kiosk stops waiting and queues it. */
export const ANSWER_TIMEOUT_MS = 4000;
const FIRST_RETRY_MS = 2000;
const MAX_RETRY_MS = 30_000;

const storageKey = (slug: string) => `dropin-kiosk-queue:${slug}`;

function readQueue(slug: string): QueuedScan[] {
  try {
    return JSON.parse(localStorage.getItem(storageKey(slug)) ?? "[]") as QueuedScan[];
  } catch {
    return [];
  }
}

function writeQueue(slug: string, queue: QueuedScan[]) {
  localStorage.setItem(storageKey(slug), JSON.stringify(queue));
}

type Upload = { results: ScanAnswer[]; counts?: DoorCounts };

/** One post of `scans`; null when it did not get a usable answer (the scans stay queued). */
async function upload(slug: string, scans: QueuedScan[]): Promise<Upload | null> {
  if (!navigator.onLine) return null;
  const controller = new AbortController();
  const timer = window.setTimeout(() => controller.abort(), ANSWER_TIMEOUT_MS);
  try {
    const response = await fetch(`/events/${slug}/kiosk/sync`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ scans: scans.map(({ name: _name, ...scan }) => scan), counts: true }),
      signal: controller.signal,
    });
    // A 4xx (signed out, refused) is not fixed by sending again at once either; the
    // scans stay queued until a volunteer signs in again and a later try works.
    if (!response.ok) return null;
    return (await response.json()) as Upload;
  } catch {
    return null;
  } finally {
    window.clearTimeout(timer);
  }
}

export type QueueEvents = {
  /** Answers for scans sent from the queue in the background (not the one just scanned). */
  onSynced: (answers: ScanAnswer[]) => void;
  onCounts: (counts: DoorCounts) => void;
};

export function useKioskQueue(slug: string, events: QueueEvents) {
  const [waiting, setWaiting] = useState<QueuedScan[]>([]);
  const handlers = useRef(events);
  useEffect(() => {
    handlers.current = events;
  });
  const flushing = useRef(false);
  const retry = useRef<{ timer?: number; delay: number }>({ delay: FIRST_RETRY_MS });

  const remove = useCallback(
    (answers: ScanAnswer[]) => {
      const done = new Set(answers.map((a) => a.clientId));
      // Scans queued while a post was in flight stay for the next one.
      const left = readQueue(slug).filter((scan) => !done.has(scan.clientId));
      writeQueue(slug, left);
      setWaiting(left);
    },
    [slug],
  );

  // Back off: 2 s, 4 s, 8 s … up to 30 s, so a recovering server is not flooded.
  const retryLater = useCallback(() => {
    window.clearTimeout(retry.current.timer);
    retry.current.timer = window.setTimeout(() => void flushRef.current(), retry.current.delay);
    retry.current.delay = Math.min(retry.current.delay * 2, MAX_RETRY_MS);
  }, []);
  const flushRef = useRef<() => Promise<void>>(async () => {});

  const flush = useCallback(async () => {
    window.clearTimeout(retry.current.timer);
    const queue = readQueue(slug);
    setWaiting(queue);
    if (queue.length === 0 || flushing.current) return;
    flushing.current = true;
    try {
      const answer = await upload(slug, queue);
      if (!answer) {
        retryLater();
        return;
      }
      retry.current.delay = FIRST_RETRY_MS;
      remove(answer.results);
      if (answer.counts) handlers.current.onCounts(answer.counts);
      handlers.current.onSynced(answer.results);
    } finally {
      flushing.current = false;
    }
  }, [slug, remove, retryLater]);
  useEffect(() => {
    flushRef.current = flush;
  }, [flush]);

  useEffect(() => {
    // Send anything left from before a reload once the page has settled.
    const first = window.setTimeout(() => void flush(), 0);
    const now = () => {
      retry.current.delay = FIRST_RETRY_MS;
      void flush();
    };
    window.addEventListener("online", now);
    // A safety net beside the backoff timer (e.g. a tab asleep when it was due).
    const timer = window.setInterval(() => void flush(), MAX_RETRY_MS);
    return () => {
      window.removeEventListener("online", now);
      window.clearInterval(timer);
      window.clearTimeout(first);
      window.clearTimeout(retry.current.timer);
    };
  }, [flush]);

  /**
   * Check one person in: queued first (so nothing is lost if the page dies now),
   * then posted at once. Resolves to the server's answer, or null when it is queued.
   */
  const checkIn = useCallback(
    async (what: Omit<QueuedScan, "clientId" | "scannedAt">): Promise<ScanAnswer | null> => {
      const scan: QueuedScan = { clientId: crypto.randomUUID(), scannedAt: new Date().toISOString(), ...what };
      const queue = [...readQueue(slug), scan];
      writeQueue(slug, queue);
      setWaiting(queue);
      const answer = await upload(slug, [scan]);
      const mine = answer?.results.find((r) => r.clientId === scan.clientId);
      if (!answer || !mine) {
        if (!flushing.current) retryLater();
        return null;
      }
      remove([mine]);
      if (answer.counts) handlers.current.onCounts(answer.counts);
      return mine;
    },
    [slug, remove, retryLater],
  );

  return { waiting, checkIn };
}
