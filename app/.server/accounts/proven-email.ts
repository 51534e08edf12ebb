// Proven email: an account's address counts only once its owner has shown they
// read mail sent to it (a code or link, an accepted invitation, a reset link).
// Until then the account cannot sign in, and so cannot claim a vendor contact,
// match a roster row or pass a PD day's domain rule.
import { db, type Tx } from "~/utils/db.server";

/**
 * Mark the address proven. On an account that was never proven, a password
 * already on it was chosen by whoever signed up with the address, who may not be
 * its owner: unless the proof answers that very sign-up (`keepPassword`), the
 * password goes, and with it any session. (Vendor contacts are linked at the
 * sign-in that follows: see claimVendorContacts.)
 */
export async function markEmailProven(
  userId: string,
  now = new Date(),
  { keepPassword = false, tx }: { keepPassword?: boolean; tx?: Tx } = {},
) {
  const client = tx ?? db;
  // Conditional: of two proofs at once, one does the first-proof clean-up.
  const { count } = await client.user.updateMany({
    where: { id: userId, emailVerifiedAt: null },
    data: { emailVerifiedAt: now },
  });
  if (count === 1 && !keepPassword) {
    await client.password.deleteMany({ where: { userId } });
    await client.session.deleteMany({ where: { userId } });
  }
}
