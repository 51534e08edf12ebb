// The kiosk's JavaScript-only helpers: a camera scanner where the browser has
// BarcodeDetector, and an offline queue. Scans made offline are kept in
// localStorage with a client id and uploaded once the network is back; the server
// applies each client id once, so a retried upload cannot count twice.
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";

export type QueuedScan = { clientId: string; token: string; scannedAt: string };
export type KioskPanel = { status: "checked_in" | "already" | "unknown" | "queued" | "synced"; title: string; detail?: string };

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

export function useOfflineQueue(slug: string, onSynced: (panel: KioskPanel) => void) {
  const [waiting, setWaiting] = useState(0);
  const syncing = useRef(false);

  const sync = useCallback(async () => {
    const queue = readQueue(slug);
    setWaiting(queue.length);
    if (queue.length === 0 || syncing.current || !navigator.onLine) return;
    syncing.current = true;
    try {
      const response = await fetch(`/events/${slug}/kiosk/sync`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ scans: queue }),
      });
      if (!response.ok) return;
      const { results } = (await response.json()) as { results: Array<{ clientId: string; status: string }> };
      const done = new Set(results.map((r) => r.clientId));
      // Scans queued while this upload was in flight stay for the next one.
      const left = readQueue(slug).filter((scan) => !done.has(scan.clientId));
      writeQueue(slug, left);
      setWaiting(left.length);
      const checkedIn = results.filter((r) => r.status === "checked_in").length;
      onSynced({ status: "synced", title: `${results.length} queued ${results.length === 1 ? "scan" : "scans"} synced`, detail: `${checkedIn} checked in.` });
    } catch {
      // Still offline after all; the next "online" event or timer tries again.
    } finally {
      syncing.current = false;
    }
  }, [slug, onSynced]);

  useEffect(() => {
    // Upload anything left from before a reload, once the page has settled.
    const first = window.setTimeout(sync, 0);
    window.addEventListener("online", sync);
    const timer = window.setInterval(sync, 30_000);
    return () => {
      window.removeEventListener("online", sync);
      window.clearInterval(timer);
      window.clearTimeout(first);
    };
  }, [sync]);

  const enqueue = useCallback(
    (token: string) => {
      const queue = [...readQueue(slug), { clientId: crypto.randomUUID(), token, scannedAt: new Date().toISOString() }];
      writeQueue(slug, queue);
      setWaiting(queue.length);
    },
    [slug],
  );

  return { waiting, enqueue };
}

const noSubscription = () => () => {};

type Detector = { detect(source: HTMLVideoElement): Promise<Array<{ rawValue: string }>> };
type DetectorConstructor = new (options: { formats: string[] }) => Detector;

/**
 * Camera scanning: the browser's own BarcodeDetector where there is one, else
 * @zxing/browser. The library is fetched with import() only when the volunteer
 * starts the camera, so it never weighs on the kiosk page's first load.
 */
export function CameraScanner({ onScan }: { onScan: (value: string) => void }) {
  const supported = useSyncExternalStore(noSubscription, () => Boolean(navigator.mediaDevices?.getUserMedia), () => false);
  const [running, setRunning] = useState(false);
  const [problem, setProblem] = useState("");
  const video = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    if (!running) return;
    let stopped = false;
    let stop: (() => void) | undefined;
    let last = "";
    // The same badge held in front of the camera is one scan, not one per frame.
    const found = (value: string | undefined) => {
      if (!value || value === last || stopped) return;
      last = value;
      onScan(value);
    };
    const failed = () => {
      if (stopped) return;
      setProblem("The camera could not be opened. Type or scan the code into the box instead.");
      setRunning(false);
    };
    const Ctor = (window as unknown as { BarcodeDetector?: DetectorConstructor }).BarcodeDetector;

    if (Ctor) {
      const detector = new Ctor({ formats: ["qr_code"] });
      let stream: MediaStream | undefined;
      stop = () => stream?.getTracks().forEach((t) => t.stop());
      (async () => {
        try {
          stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
          if (!video.current || stopped) return stop?.();
          video.current.srcObject = stream;
          await video.current.play();
          while (!stopped) {
            const codes = await detector.detect(video.current).catch(() => []);
            found(codes[0]?.rawValue);
            await new Promise((resolve) => setTimeout(resolve, 300));
          }
        } catch {
          failed();
        }
      })();
    } else {
      (async () => {
        try {
          const { BrowserQRCodeReader } = await import("@zxing/browser");
          if (!video.current || stopped) return;
          const reader = new BrowserQRCodeReader(undefined, { delayBetweenScanAttempts: 300 });
          // undefined device = the rear ("environment") camera where there is one.
          const controls = await reader.decodeFromVideoDevice(undefined, video.current, (result) => found(result?.getText()));
          if (stopped) controls.stop();
          else stop = () => controls.stop();
        } catch {
          failed();
        }
      })();
    }
    return () => {
      stopped = true;
      stop?.();
    };
  }, [running, onScan]);

  if (!supported) return null;
  return (
    <div className="kiosk-camera">
      <button type="button" className="button button-secondary" onClick={() => setRunning((r) => !r)} aria-pressed={running}>
        {running ? "Stop camera" : "Scan with camera"}
      </button>
      {running ? <video ref={video} className="kiosk-video" muted playsInline aria-label="Camera view for scanning badges" /> : null}
      {problem ? <p className="field-error">{problem}</p> : null}
    </div>
  );
}
