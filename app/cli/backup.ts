// `npm run backup [-- --dir DIR]`: a consistent copy of the live database, with the
// uploaded files inside it, in data/backups (or DIR); safe to run while Dropin is serving.
import path from "node:path";
import { parseArgs } from "node:util";
import { BackupFileError, backupDatabase, backupsDirBeside, describeReport } from "~/.server/ops/backup";
import { fail, liveDatabaseFile, ownerOnlyFiles } from "./ops-cli";

async function main() {
  ownerOnlyFiles();
  let dir: string | undefined;
  try {
    ({
      values: { dir },
    } = parseArgs({ options: { dir: { type: "string" } }, strict: true }));
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}\nUsage: npm run backup [-- --dir DIR]`);
  }
  const databaseFile = liveDatabaseFile();
  try {
    const report = await backupDatabase({ databaseFile, dir: path.resolve(dir ?? backupsDirBeside(databaseFile)) });
    console.log(`✔ Backed up ${databaseFile} to\n${describeReport(report)}`);
  } catch (error) {
    if (error instanceof BackupFileError) fail(error.message);
    throw error;
  }
}

void main();
