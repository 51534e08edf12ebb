// Forms of the people page (invitations, members, kiosk links) and of leaving a
// PD day. Shared by the browser and the actions.
import { z } from "zod";
import { ROLES } from "./events";

const recordId = (what: string) =>
  z
    .string({ error: `Choose the ${what}.` })
    .trim()
    .min(1, { error: `Choose the ${what}.` })
    .max(40);
const role = z.enum(ROLES, { error: "Choose a role from the list" });

export const RevokeInvitationSchema = z.object({
  intent: z.literal("revoke-invitation"),
  invitationId: recordId("invitation"),
});

/** `fromRole` is the role the coordinator saw: if it changed meanwhile, the change is refused. */
export const ChangeRoleSchema = z.object({
  intent: z.literal("change-role"),
  membershipId: recordId("member"),
  fromRole: role,
  role,
});
export type ChangeRoleInput = z.infer<typeof ChangeRoleSchema>;

export const RemoveMemberSchema = z.object({
  intent: z.literal("remove-member"),
  membershipId: recordId("member"),
  role,
});
export type RemoveMemberInput = z.infer<typeof RemoveMemberSchema>;

export const KioskLinkSchema = z.object({
  intent: z.literal("kiosk-link"),
  label: z
    .string({ error: "Name the device, e.g. “Front door iPad”." })
    .trim()
    .min(1, { error: "Name the device, e.g. “Front door iPad”." })
    .max(60, { error: "Keep the name under 60 characters." }),
});

export const RevokeKioskLinkSchema = z.object({
  intent: z.literal("revoke-kiosk-link"),
  kioskLinkId: recordId("kiosk link"),
});

/** The roles the person saw on the page, comma-separated: leaving removes exactly those. */
export const LeaveEventSchema = z.object({
  intent: z.literal("leave"),
  roles: z
    .string({ error: "Reload the page and try again." })
    .max(200)
    .transform((value) => value.split(",").filter(Boolean))
    .pipe(z.array(role).min(1, { error: "You hold no role on this PD day." })),
});
