import type { LoaderFunctionArgs } from "@remix-run/node";
import { gridCsv } from "~/.server/schedule/exports/csv";
import { exportOrPlainError, exportResponse } from "~/.server/schedule/exports/respond";
import { requirePublishedVersion } from "~/.server/schedule/public-schedule";

// The published grid for a spreadsheet.
export async function loader({ request, params }: LoaderFunctionArgs) {
  return exportOrPlainError(async () => {
    const version = await requirePublishedVersion(params.slug!);
    return exportResponse(request, version.id, gridCsv(version.snapshot), {
      contentType: "text/csv; charset=utf-8",
      filename: `${params.slug}-grid-v${version.number}.csv`,
    });
  });
}
