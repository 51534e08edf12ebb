// How Prisma stores a DateTime in SQLite, for everything that writes the file
// directly (the hot paths' better-sqlite3 connection, tests, benchmarks): one
// spelling, so a row written beside Prisma compares and sorts like Prisma's own.

/** "2027-03-06T13:30:00.000+00:00": text that sorts by time. */
export function toDbTime(date: Date) {
  return date.toISOString().replace("Z", "+00:00");
}

export function fromDbTime(value: string) {
  return new Date(value);
}
