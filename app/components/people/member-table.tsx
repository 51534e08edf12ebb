// The people page's members: each row changes a role or removes it, with plain
// forms (no JavaScript needed). The role each form read travels with it, so a
// role someone else changed meanwhile is refused rather than overwritten.
import { Form } from "@remix-run/react";
import { Button } from "~/components/button";
import { ROLE_LABELS, ROLES, type Role } from "~/schemas/events";
import { usePending } from "~/utils/use-pending";
import { RowAction } from "./row-action";

export type MemberRow = { id: string; role: string; user: { name: string; email: string; school: string | null } };

export function MemberTable({ memberships, keepsData }: { memberships: MemberRow[]; keepsData: string }) {
  const pending = usePending();
  return (
    <>
      <p className="muted">Removing someone takes away that role on this PD day. {keepsData}</p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {memberships.map((m) => {
              const label = ROLE_LABELS[m.role as Role] ?? m.role;
              return (
                <tr key={m.id}>
                  <td>
                    {m.user.name}
                    {m.user.school ? <span className="muted"> · {m.user.school}</span> : null}
                  </td>
                  <td className="break-anywhere">{m.user.email}</td>
                  <td>{label}</td>
                  <td>
                    <div className="member-actions">
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="change-role" />
                        <input type="hidden" name="membershipId" value={m.id} />
                        <input type="hidden" name="fromRole" value={m.role} />
                        <label className="visually-hidden" htmlFor={`role-${m.id}`}>
                          Change {m.user.name} (now {label}) to
                        </label>
                        <select id={`role-${m.id}`} name="role" defaultValue={m.role}>
                          {ROLES.map((role) => (
                            <option key={role} value={role}>
                              {ROLE_LABELS[role]}
                            </option>
                          ))}
                        </select>{" "}
                        <Button variant="secondary" disabled={pending({ intent: "change-role", membershipId: m.id })}>
                          Change role<span className="visually-hidden"> of {m.user.name}</span>
                        </Button>
                      </Form>
                      <RowAction intent="remove-member" fields={{ membershipId: m.id, role: m.role }}>
                        Remove
                        <span className="visually-hidden">
                          {" "}
                          {m.user.name} as {label.toLowerCase()}
                        </span>
                      </RowAction>
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
