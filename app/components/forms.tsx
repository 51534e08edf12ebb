// The small set of form parts every page uses. Each field wires its label, hint
// and error to the input (aria-invalid + aria-describedby) so screen readers
// announce what is wrong where it is wrong.
import {
  forwardRef,
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";

type FieldShell = { label: string; error?: string; hint?: ReactNode };

function describedBy(ids: Array<string | false | undefined>) {
  const joined = ids.filter(Boolean).join(" ");
  return joined || undefined;
}

function Messages({
  hintId,
  errorId,
  hint,
  error,
}: {
  hintId: string;
  errorId: string;
  hint?: ReactNode;
  error?: string;
}) {
  return (
    <>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </>
  );
}

export const Field = forwardRef<HTMLInputElement, FieldShell & InputHTMLAttributes<HTMLInputElement>>(function Field(
  { label, error, hint, id, className, ...input },
  ref,
) {
  const fallbackId = useId();
  const inputId = id ?? fallbackId;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  return (
    <div className={`field ${className ?? ""}`}>
      {/* Required fields are the norm here; optional ones say "(optional)" in their label. */}
      <label htmlFor={inputId}>{label}</label>
      <input
        ref={ref}
        id={inputId}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy([hint ? hintId : undefined, error ? errorId : undefined])}
        {...input}
      />
      <Messages hintId={hintId} errorId={errorId} hint={hint} error={error} />
    </div>
  );
});

export const TextareaField = forwardRef<HTMLTextAreaElement, FieldShell & TextareaHTMLAttributes<HTMLTextAreaElement>>(
  function TextareaField({ label, error, hint, id, className, ...textarea }, ref) {
    const fallbackId = useId();
    const inputId = id ?? fallbackId;
    const hintId = `${inputId}-hint`;
    const errorId = `${inputId}-error`;
    return (
      <div className={`field ${className ?? ""}`}>
        <label htmlFor={inputId}>{label}</label>
        <textarea
          ref={ref}
          id={inputId}
          rows={4}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy([hint ? hintId : undefined, error ? errorId : undefined])}
          {...textarea}
        />
        <Messages hintId={hintId} errorId={errorId} hint={hint} error={error} />
      </div>
    );
  },
);

export const SelectField = forwardRef<
  HTMLSelectElement,
  FieldShell & SelectHTMLAttributes<HTMLSelectElement> & { options: ReadonlyArray<{ value: string; label: string }> }
>(function SelectField({ label, error, hint, id, className, options, ...select }, ref) {
  const fallbackId = useId();
  const inputId = id ?? fallbackId;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  return (
    <div className={`field ${className ?? ""}`}>
      <label htmlFor={inputId}>{label}</label>
      <select
        ref={ref}
        id={inputId}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy([hint ? hintId : undefined, error ? errorId : undefined])}
        {...select}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <Messages hintId={hintId} errorId={errorId} hint={hint} error={error} />
    </div>
  );
});

/** Errors that belong to the whole form (e.g. "Email or password is wrong"). */
export function FormErrors({ errors }: { errors: readonly string[] }) {
  if (errors.length === 0) return null;
  return (
    <div className="form-errors" role="alert">
      {errors.map((message) => (
        <p key={message}>{message}</p>
      ))}
    </div>
  );
}

export function ErrorSummary({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <p className="form-errors" role="alert">
      {count === 1 ? "One field needs your attention." : `${count} fields need your attention.`}
    </p>
  );
}

/** The box for a mailed 6-digit code: the phone's number pad, and the code offered from the message. */
export const CodeField = forwardRef<HTMLInputElement, { error?: string } & InputHTMLAttributes<HTMLInputElement>>(
  function CodeField({ error, ...input }, ref) {
    return (
      <Field
        ref={ref}
        label="6-digit code"
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9]*"
        maxLength={7}
        required
        error={error}
        {...input}
      />
    );
  },
);
