import type { LoaderFunctionArgs } from "@remix-run/node";
import { frabSchedule } from "~/.server/schedule/exports/frab";
import { exportOrPlainError, exportResponse } from "~/.server/schedule/exports/respond";
import { requirePublishedVersion } from "~/.server/schedule/public-schedule";

// The published schedule in the frab/c3voc format schedule apps subscribe to.
export async function loader({ request, params }: LoaderFunctionArgs) {
  return exportOrPlainError(async () => {
    const version = await requirePublishedVersion(params.slug!);
    const body = JSON.stringify(frabSchedule(version.snapshot, version.number), null, 2);
    return exportResponse(request, version.id, body, { contentType: "application/json; charset=utf-8" });
  });
}
