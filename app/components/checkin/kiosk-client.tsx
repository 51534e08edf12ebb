// The kiosk's camera scanner (JavaScript only): the browser's BarcodeDetector where
// there is one. The offline queue is in kiosk-queue.ts, the device's roster in kiosk-roster.ts.
import { useEffect, useRef, useState, useSyncExternalStore } from "react";

export type KioskPanel = {
  status: "checked_in" | "already" | "unknown" | "closed" | "queued" | "synced";
  title: string;
  detail?: string;
};

const noSubscription = () => () => {};

type Detector = { detect(source: HTMLVideoElement): Promise<Array<{ rawValue: string }>> };
type DetectorConstructor = new (options: { formats: string[] }) => Detector;

/**
 * Camera scanning: the browser's own BarcodeDetector where there is one, else
 * @zxing/browser. The library is fetched with import() only when the volunteer
 * starts the camera, so it never weighs on the kiosk page's first load.
 */
export function CameraScanner({ onScan }: { onScan: (value: string) => void }) {
  const supported = useSyncExternalStore(
    noSubscription,
    () => Boolean(navigator.mediaDevices?.getUserMedia),
    () => false,
  );
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
          const controls = await reader.decodeFromVideoDevice(undefined, video.current, (result) =>
            found(result?.getText()),
          );
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
      <button
        type="button"
        className="button button-secondary"
        onClick={() => setRunning((r) => !r)}
        aria-pressed={running}
      >
        {running ? "Stop camera" : "Scan with camera"}
      </button>
      {running ? (
        <video ref={video} className="kiosk-video" muted playsInline aria-label="Camera view for scanning badges" />
      ) : null}
      {problem ? <p className="field-error">{problem}</p> : null}
    </div>
  );
}
