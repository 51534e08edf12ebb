// One button that posts an intent and the ids of the row it sits in: revoking an
// invitation or a kiosk link, removing a member. A plain form, so it works without JavaScript.
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { Button } from "~/components/button";
import { usePending } from "~/utils/use-pending";

export function RowAction({
  intent,
  fields,
  children,
}: {
  intent: string;
  fields: Record<string, string>;
  children: ReactNode;
}) {
  const pending = usePending()({ intent, ...fields });
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button variant="danger" disabled={pending}>
        {children}
      </Button>
    </Form>
  );
}
