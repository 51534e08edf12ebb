// PD certificates: printing one, and checking one. Anyone holding a certificate (a
// principal, the state) can check its code; that is one lookup by the code's key
// (certificate-codes.ts), so a made-up code costs the same whatever the size of
// the district.
import { NotAllowedError, NotFoundError } from "../errors";
import { findCertificateCode, rememberCertificateCode } from "./certificate-codes";
import { getMyCredit } from "./credit";
import { categoryHours, verifyTranscript } from "./record";

/**
 * The member's certificate, read only. `issued` says whether its code is stored
 * for /verify yet; until then the page offers a button (issueCertificate) rather
 * than writing on a GET.
 */
export async function getCertificate(userId: string, eventId: string) {
  const credit = await getMyCredit(userId, eventId);
  return { ...credit, issued: Boolean(await findCertificateCode(credit.code)) };
}

/** Store the member's code so /verify finds it (the same row every time: INSERT OR IGNORE). */
export async function issueCertificate(userId: string, eventId: string) {
  await getMyCredit(userId, eventId);
  return rememberCertificateCode(userId, eventId);
}

const UNKNOWN = "No certificate has this verification code. Check it was typed exactly.";

export async function verifyCertificate(code: string) {
  const match = await findCertificateCode(code);
  if (!match) throw new NotFoundError(UNKNOWN);
  try {
    const { event, user, lines, total } = await getMyCredit(match.userId, match.eventId);
    return {
      name: user.name,
      school: user.school,
      eventName: event.name,
      date: event.date,
      total,
      byCategory: categoryHours(lines),
      providerName: event.providerName,
      providerNumber: event.providerNumber,
    };
  } catch (error) {
    // Taken off the PD day's list since: the certificate no longer stands.
    if (error instanceof NotAllowedError) throw new NotFoundError(UNKNOWN);
    throw error;
  }
}

/** /verify/<code>: a certificate's code, or else a transcript's. */
export async function verifyCode(code: string) {
  const certificate = await verifyCertificate(code).catch((error: unknown) => {
    if (error instanceof NotFoundError) return null;
    throw error;
  });
  if (certificate) return { kind: "certificate" as const, ...certificate };
  return { kind: "transcript" as const, ...(await verifyTranscript(code)) };
}
