// Server-side autosave for a draft form: a debounced fetcher POST of intent=autosave
// after each change, and a last keepalive POST if the page is left mid-pause.
import { useFetcher } from "@remix-run/react";
import { useEffect, useRef } from "react";

const AUTOSAVE_DELAY_MS = 1500;

type AutosaveResult = { autosave: true; ok: true; savedAt: string } | { autosave: true; ok: false; message: string };

/** Debounced server-side save of a form: call schedule() on every change. */
export function useAutosave(enabled: boolean, timeZone: string) {
  const fetcher = useFetcher<AutosaveResult>();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  function payload(form: HTMLFormElement) {
    const body = new FormData(form);
    body.set("intent", "autosave");
    return body;
  }

  function schedule() {
    if (!enabled) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      if (formRef.current) fetcher.submit(payload(formRef.current), { method: "post" });
    }, AUTOSAVE_DELAY_MS);
  }

  function cancel() {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  }

  // Leaving the page within the debounce must not lose the last words typed. The
  // form is captured now: by the time an unmount cleanup runs, the ref is cleared.
  useEffect(() => {
    const form = formRef.current;
    function flush() {
      if (!timer.current || !form) return;
      cancel();
      void fetch(form.action || window.location.pathname, { method: "POST", body: payload(form), keepalive: true });
    }
    window.addEventListener("pagehide", flush);
    return () => {
      window.removeEventListener("pagehide", flush);
      flush();
    };
  }, []);

  const result = fetcher.data;
  let status = "";
  if (result?.ok) {
    const time = new Date(result.savedAt).toLocaleTimeString("en-US", { hour: "numeric", minute: "2-digit", timeZone });
    status = `Saved ${time}`;
  } else if (result && !result.ok) {
    status = `Not saved: ${result.message}`;
  }
  return { formRef, schedule, cancel, status };
}
