// The draw itself: a pure, deterministic function of (seed, sorted pool), so anyone
// holding the revealed seed and the frozen pool can re-run it and get the same winners.
import crypto from "node:crypto";

export const DRAW_METHOD =
  "HMAC-SHA256 over the committed seed, rejection sampling, pool sorted by user id. " +
  "Pick k uses the next counter values c = 0, 1, 2…: u = first 4 bytes of HMAC-SHA256(seed, decimal c) " +
  "as an unsigned big-endian integer; values at or above the largest multiple of the candidate count " +
  "below 2^32 are rejected, otherwise the winner is candidate u mod count. Candidates are the pool minus " +
  "everyone already drawn (unless several prizes per person are allowed; a redraw always excludes everyone drawn).";

export function newSeed() {
  return crypto.randomBytes(32).toString("hex");
}

/** The commitment published before the draw: sha256 of the seed's bytes. */
export function seedCommitment(seedHex: string) {
  return crypto.createHash("sha256").update(Buffer.from(seedHex, "hex")).digest("hex");
}

/** Code-unit order, not locale order, so every machine sorts the pool identically. */
export function canonicalPool(userIds: Iterable<string>) {
  return [...new Set(userIds)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function makePicker(seedHex: string) {
  const key = Buffer.from(seedHex, "hex");
  let counter = 0;
  return function pickIndex(count: number) {
    // Rejection sampling: `u % count` alone would favour the low indexes.
    const limit = 2 ** 32 - (2 ** 32 % count);
    for (;;) {
      const u = crypto.createHmac("sha256", key).update(String(counter++)).digest().readUInt32BE(0);
      if (u < limit) return u % count;
    }
  };
}

/**
 * Winners in position order: `initialCount` picks for the first draw, then one pick per
 * redraw, continuing the same counter. Returns fewer ids when the pool runs out.
 */
export function replayPicks(
  seedHex: string,
  pool: readonly string[],
  { initialCount, redraws, allowMultiple }: { initialCount: number; redraws: number; allowMultiple: boolean },
) {
  const pickIndex = makePicker(seedHex);
  const picked: string[] = [];
  const drawn = new Set<string>();
  const pickFrom = (candidates: readonly string[]) => {
    if (candidates.length === 0) return false;
    const winner = candidates[pickIndex(candidates.length)]!;
    picked.push(winner);
    drawn.add(winner);
    return true;
  };
  for (let i = 0; i < initialCount; i++) {
    if (!pickFrom(allowMultiple ? pool : pool.filter((id) => !drawn.has(id)))) break;
  }
  for (let i = 0; i < redraws; i++) {
    if (!pickFrom(pool.filter((id) => !drawn.has(id)))) break;
  }
  return picked;
}

/** A redraw reuses an earlier row's prize unit; the first row for each unit is the initial draw. */
export function drawShape(rows: ReadonlyArray<{ donationId: string; unitIndex: number }>) {
  const units = new Set(rows.map((r) => `${r.donationId}:${r.unitIndex}`));
  return { initialCount: units.size, redraws: rows.length - units.size };
}
