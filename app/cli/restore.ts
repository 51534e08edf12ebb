// `npm run restore FILE`: replace the live database with a backup made by
// `npm run backup`. Stop Dropin first; the current database is kept in
// data/backups as pre-restore-<time>.db before it is replaced.
import path from "node:path";
import { parseArgs } from "node:util";
import { BackupFileError, backupsDirBeside, describeReport } from "~/.server/ops/backup";
import { DatabaseInUseError, restoreDatabase } from "~/.server/ops/restore";
import { fail, liveDatabaseFile, ownerOnlyFiles } from "./ops-cli";

const USAGE = "Usage: npm run restore FILE   (stop Dropin first)";

async function main() {
  ownerOnlyFiles();
  let file: string | undefined;
  try {
    const { positionals } = parseArgs({ allowPositionals: true, strict: true });
    if (positionals.length !== 1) fail(USAGE);
    file = positionals[0]!;
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  const databaseFile = liveDatabaseFile();
  try {
    const result = await restoreDatabase({
      backupFile: path.resolve(file),
      databaseFile,
      safetyDir: backupsDirBeside(databaseFile),
    });
    if (result.safetyCopy) console.log(`The database as it was is kept at ${result.safetyCopy}`);
    if (result.uploadsSafetyCopy)
      console.log(`The uploaded files as they were are kept in ${result.uploadsSafetyCopy}`);
    console.log(`✔ Restored ${path.resolve(file)} into\n${describeReport(result.restored)}`);
    console.log(
      result.uploadsRestored === null
        ? "The backup carries no uploaded files (it predates backups that do): the uploads folder was left as it was."
        : `  ${result.uploadsRestored} uploaded ${result.uploadsRestored === 1 ? "file" : "files"} restored.`,
    );
    if (result.pendingMigrations.length > 0) {
      console.log(`The backup predates ${result.pendingMigrations.length} migration(s); \`npm start\` applies them.`);
    }
  } catch (error) {
    if (error instanceof BackupFileError || error instanceof DatabaseInUseError) fail(error.message);
    throw error;
  }
}

void main();
