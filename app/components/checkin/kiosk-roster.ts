// The roster kept on the kiosk's device (localStorage) so name search works and
// queued scans have names while the server is unreachable. Fetched each time the
// kiosk opens; dropped when the server says the volunteer is no longer signed in,
// and at every sign-out (the login page calls clearKioskRosters).
import { useCallback, useEffect, useState } from "react";
import { shortCodeFromTyped, tokenFromScan } from "~/utils/badge-code";
import { ANSWER_TIMEOUT_MS } from "./kiosk-queue";

export type RosterPerson = {
  id: string;
  name: string;
  school: string | null;
  badge: string | null;
  code: string | null;
  in: string | null;
};

const PREFIX = "dropin-kiosk-roster:";

function readStored(slug: string): RosterPerson[] | null {
  try {
    const stored = localStorage.getItem(PREFIX + slug);
    return stored ? (JSON.parse(stored) as RosterPerson[]) : null;
  } catch {
    return null;
  }
}

/** Every kiosk roster on this device: called when someone signs out. */
export function clearKioskRosters() {
  for (const key of Object.keys(localStorage)) if (key.startsWith(PREFIX)) localStorage.removeItem(key);
}

async function sha256Hex(text: string) {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** The server's `badgeHash`: 16 hex digits of SHA-256 of the token. */
export async function badgeHash(scanned: string) {
  const token = tokenFromScan(scanned);
  if (!token || !crypto.subtle) return null;
  return (await sha256Hex(token)).slice(0, 16);
}

/**
 * Who a scanned badge or typed short code is, from the device's roster alone: the
 * queued check-in gets a name while the server is unreachable. The server decides
 * the check-in itself when the scan reaches it. A short code's hash is short on
 * purpose (see the server's `shortCodeHash`), so two people can share one: then
 * nobody is named rather than the wrong person.
 */
export async function findOnDevice(people: RosterPerson[] | null, scanned: string, slug: string) {
  if (!people || !crypto.subtle) return undefined;
  const code = shortCodeFromTyped(scanned);
  if (code) {
    const hash = (await sha256Hex(`${slug}:${code}`)).slice(0, 6);
    const matches = people.filter((p) => p.code === hash);
    return matches.length === 1 ? matches[0] : undefined;
  }
  const hash = await badgeHash(scanned);
  return hash ? people.find((p) => p.badge === hash) : undefined;
}

const fold = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();

/** The kiosk's search: name or school containing the words typed, like the server's, at most 20. */
export function searchLocally(people: RosterPerson[], query: string) {
  const q = fold(query.trim());
  if (q.length < 2) return [];
  return people.filter((p) => fold(p.name).includes(q) || fold(p.school ?? "").includes(q)).slice(0, 20);
}

export function useKioskRoster(slug: string) {
  const [people, setPeople] = useState<RosterPerson[] | null>(null);

  const load = useCallback(async () => {
    const controller = new AbortController();
    const timer = window.setTimeout(() => controller.abort(), ANSWER_TIMEOUT_MS * 2);
    try {
      const response = await fetch(`/events/${slug}/kiosk/roster`, { signal: controller.signal });
      if (response.status === 401 || response.status === 403) {
        localStorage.removeItem(PREFIX + slug);
        setPeople(null);
        return null;
      }
      if (!response.ok) throw new Error(`roster: ${response.status}`);
      const { people: fresh } = (await response.json()) as { people: RosterPerson[] };
      try {
        localStorage.setItem(PREFIX + slug, JSON.stringify(fresh));
      } catch {
        // Storage full: search still works for this page load.
      }
      setPeople(fresh);
      return fresh;
    } catch {
      // The server is unreachable: the copy from the last time it answered.
      const stored = readStored(slug);
      setPeople(stored);
      return stored;
    } finally {
      window.clearTimeout(timer);
    }
  }, [slug]);

  useEffect(() => {
    setPeople(readStored(slug));
    void load();
  }, [slug, load]);

  /** Marks someone checked in on the device's copy, so a search shows it at once. */
  const markIn = useCallback(
    (userId: string, time: string) => {
      setPeople((current) => {
        if (!current) return current;
        const next = current.map((p) => (p.id === userId && !p.in ? { ...p, in: time } : p));
        try {
          localStorage.setItem(PREFIX + slug, JSON.stringify(next));
        } catch {
          // Only the device's copy is behind; the server has the check-in.
        }
        return next;
      });
    },
    [slug],
  );

  return { people, load, markIn };
}
