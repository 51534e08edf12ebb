import type { Tx } from "~/utils/db.server";

export type AuditEntry = {
  eventId?: string | null;
  actorId?: string | null;
  action: string;
  entity: string;
  entityId: string;
  detail?: Record<string, unknown>;
};

/** Record who changed what, inside the caller's transaction so the two stand or fall together. */
export async function recordAudit(tx: Tx, entry: AuditEntry) {
  await tx.auditLog.create({
    data: {
      eventId: entry.eventId ?? null,
      actorId: entry.actorId ?? null,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      detail: JSON.stringify(entry.detail ?? {}),
    },
  });
}
