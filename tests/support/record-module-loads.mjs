// `node --import ./tests/support/record-module-loads.mjs …`: every process started
// so (children inherit NODE_OPTIONS) appends "<pid> <file URL>" for each ES module
// it resolves to DROPIN_MODULE_LOG. The one-server spec reads it to prove the
// serving process loads no app/ file beside the server build.
import { register } from "node:module";

register("./record-module-loads-hooks.mjs", import.meta.url);
