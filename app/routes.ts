import type { RouteConfig } from "@remix-run/route-config";
import { flatRoutes } from "@remix-run/fs-routes";

// File-system routes (app/routes/*), as Remix v2 does without the flag.
export default flatRoutes() satisfies RouteConfig;
