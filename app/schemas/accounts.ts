import { z } from "zod";
import { emailField, passwordField, personNameField, sixDigitCodeField } from "./fields";

export const LoginSchema = z.object({
  email: emailField,
  password: z.string({ error: "Enter your password" }).min(1, { error: "Enter your password" }),
  redirectTo: z.string().optional(),
});

export const SignupSchema = z
  .object({
    name: personNameField,
    email: emailField,
    password: passwordField,
    confirmPassword: z.string().min(1, { error: "Type the password again" }),
    event: z.string().optional(),
    redirectTo: z.string().optional(),
  })
  .refine((v) => v.password === v.confirmPassword, {
    path: ["confirmPassword"],
    error: "The two passwords do not match",
    when: (payload) => !payload.issues.some((i) => i.path?.[0] === "password"),
  });

/** First-run: the district coordinator's own account. */
export const SetupSchema = SignupSchema;

export const ForgotPasswordSchema = z.object({ email: emailField });

export const ResetPasswordSchema = z
  .object({
    token: z
      .string({ error: "This reset link is incomplete" })
      .trim()
      .min(1, { error: "This reset link is incomplete" }),
    password: passwordField,
    confirmPassword: z.string().min(1, { error: "Type the password again" }),
  })
  .refine((v) => v.password === v.confirmPassword, {
    path: ["confirmPassword"],
    error: "The two passwords do not match",
    when: (payload) => !payload.issues.some((i) => i.path?.[0] === "password"),
  });

export type SignupInput = z.infer<typeof SignupSchema>;

/** Proving a new account's address: the code typed from the email. */
export const VerifyEmailCodeSchema = z.object({
  email: emailField,
  code: sixDigitCodeField,
  redirectTo: z.string().optional(),
});

/** …or the mailed link, confirmed with a button (a GET never changes anything). */
export const VerifyEmailLinkSchema = z.object({
  token: z.string({ error: "This link is incomplete" }).trim().min(1, { error: "This link is incomplete" }),
});
