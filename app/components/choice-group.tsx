import { useId, type InputHTMLAttributes, type Ref } from "react";

type Option = { value: string; label: string };

/** A checkbox (or radio) group: one legend, one hint, one error for the whole set. */
export function ChoiceGroup({
  legend,
  name,
  options,
  checked,
  error,
  hint,
  type = "checkbox",
  inputProps,
}: {
  legend: string;
  name: string;
  options: readonly Option[];
  checked: readonly string[];
  error?: string;
  hint?: string;
  type?: "checkbox" | "radio";
  /** react-hook-form's register(name), for a group checked in the browser too. */
  inputProps?: InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> };
}) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className="choice-group" aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
      <div className="choices">
        {options.map((option) => (
          <label key={option.value} className="choice">
            <input
              type={type}
              name={name}
              {...inputProps}
              value={option.value}
              defaultChecked={checked.includes(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
