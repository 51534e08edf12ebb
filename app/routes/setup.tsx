import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { createFirstCoordinator, hasAnyAccount } from "~/.server/accounts/accounts";
import { NewAccountFields } from "~/components/account-fields";
import { Button } from "~/components/button";
import { FormErrors } from "~/components/forms";
import { SetupSchema } from "~/schemas/accounts";
import { signInAndRedirect } from "~/utils/auth.server";
import { formDataToObject, isFormFailure, parseSubmission } from "~/utils/forms";
import { guardForm, invalid } from "~/utils/http.server";
import { useValidatedForm } from "~/utils/use-validated-form";

export const meta: MetaFunction = () => [{ title: "Set up Dropin" }];

// The first-run page exists only while the install has no accounts at all.
export async function loader(_: LoaderFunctionArgs) {
  if (await hasAnyAccount()) throw redirect("/login");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseSubmission(SetupSchema, formData);
  if (!submission.ok) return invalid(submission);
  const created = await guardForm(formDataToObject(formData), createFirstCoordinator(submission.data));
  if (!created.ok) return invalid(created.result);
  return signInAndRedirect(request, created.value.id, "/events?welcome=1");
}

export default function Setup() {
  const lastResult = useActionData<typeof action>();
  const {
    field,
    onSubmit,
    formErrors,
    pending: busy,
  } = useValidatedForm(SetupSchema, {
    lastResult: isFormFailure(lastResult) ? lastResult : null,
  });
  return (
    <section className="card narrow" aria-labelledby="setup-title">
      <h1 id="setup-title">Welcome to Dropin</h1>
      <p>
        Create the district coordinator account. This first account can create PD days, review proposals and invite
        everyone else.
      </p>
      <Form method="post" noValidate onSubmit={onSubmit}>
        <FormErrors errors={formErrors} />
        <NewAccountFields field={field} />
        <div className="form-actions">
          <Button disabled={busy}>Create coordinator account</Button>
        </div>
      </Form>
    </section>
  );
}
