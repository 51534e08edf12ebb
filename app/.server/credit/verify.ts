// Anyone holding a certificate (a principal, the state) can check its code here.
// One lookup by the code's key (certificate-codes.ts): a made-up code costs the
// same whatever the size of the district.
import { NotAllowedError, NotFoundError } from "../errors";
import { findCertificateCode } from "./certificate-codes";
import { getMyCredit } from "./credit";

const UNKNOWN = "No certificate has this verification code. Check it was typed exactly.";

export async function verifyCertificate(code: string) {
  const match = await findCertificateCode(code);
  if (!match) throw new NotFoundError(UNKNOWN);
  try {
    const { event, user, total } = await getMyCredit(match.userId, match.eventId);
    return { name: user.name, school: user.school, eventName: event.name, date: event.date, total };
  } catch (error) {
    // Taken off the PD day's list since: the certificate no longer stands.
    if (error instanceof NotAllowedError) throw new NotFoundError(UNKNOWN);
    throw error;
  }
}
