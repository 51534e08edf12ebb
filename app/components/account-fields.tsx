import type { useValidatedForm } from "~/utils/use-validated-form";
import type { SignupSchema } from "~/schemas/accounts";
import { Field } from "./forms";

type SignupForm = ReturnType<typeof useValidatedForm<typeof SignupSchema>>;

/** Name, email and a confirmed password: shared by first-run setup and sign-up. */
export function NewAccountFields({ field }: { field: SignupForm["field"] }) {
  return (
    <>
      <Field label="Your name" autoComplete="name" required {...field("name")} />
      <Field label="Email" type="email" autoComplete="email" required {...field("email")} />
      <Field
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 10 characters. A short sentence is easy to remember."
        {...field("password")}
      />
      <Field
        label="Password again"
        type="password"
        autoComplete="new-password"
        required
        {...field("confirmPassword")}
      />
    </>
  );
}
