// `npm run backup [-- --dir DIR]`: a consistent copy of the live database in
// data/backups (or DIR), safe to run while Dropin is serving.
import path from "node:path";
import { parseArgs } from "node:util";
import { BackupFileError, backupDatabase, describeReport } from "~/.server/ops/backup";
import { databaseFilePath } from "~/utils/env.server";
import { resolveDatabaseUrl } from "../../prisma/database-url.js";

function fail(message: string): never {
  console.error(`✖ ${message}`);
  process.exit(1);
}

async function main() {
  let dir: string | undefined;
  try {
    ({ values: { dir } } = parseArgs({ options: { dir: { type: "string" } }, strict: true }));
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}\nUsage: npm run backup [-- --dir DIR]`);
  }
  const url = resolveDatabaseUrl(process.env);
  if (!url.startsWith("file:")) fail("DATABASE_URL must be a SQLite URL such as file:./data/dropin.db");
  const databaseFile = databaseFilePath(url);
  try {
    const report = await backupDatabase({ databaseFile, dir: path.resolve(dir ?? path.join(path.dirname(databaseFile), "backups")) });
    console.log(`✔ Backed up ${databaseFile} to\n${describeReport(report)}`);
  } catch (error) {
    if (error instanceof BackupFileError) fail(error.message);
    throw error;
  }
}

void main();
