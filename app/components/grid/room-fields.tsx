// The fields of a room, shared by "Add a room" (react-hook-form) and the inline edit
// row (server validation only). `bind` supplies name, value and error for a text field;
// `register` (when present) wires the checkboxes to react-hook-form too.
import { useId } from "react";
import { Field } from "~/components/forms";
import { ROOM_FEATURE_LABELS, ROOM_FEATURES } from "~/schemas/schedule";

type Bound = { name: string; defaultValue?: string; error?: string } & Record<string, unknown>;

export function RoomFields({
  bind,
  register,
  checked,
  featuresError,
  idPrefix,
}: {
  bind: (name: "name" | "building" | "floor" | "capacity") => Bound;
  register?: (name: "features" | "accessible") => Record<string, unknown>;
  /** Which boxes start checked: the room's features and accessibility, or what was just posted. */
  checked: { features: readonly string[]; accessible: boolean };
  /** A posted feature Dropin does not know (only a crafted post can send one). */
  featuresError?: string;
  idPrefix: string;
}) {
  const groupId = useId();
  return (
    <>
      <div className="form-row">
        <Field id={`${idPrefix}-name`} label="Room name" {...bind("name")} />
        <Field id={`${idPrefix}-capacity`} label="Seats" inputMode="numeric" {...bind("capacity")} />
        <Field id={`${idPrefix}-building`} label="Building (optional)" {...bind("building")} />
        <Field id={`${idPrefix}-floor`} label="Floor (optional)" {...bind("floor")} />
      </div>
      <fieldset aria-describedby={featuresError ? `${groupId}-hint ${groupId}-error` : `${groupId}-hint`}>
        <legend>Features</legend>
        <p id={`${groupId}-hint`} className="field-hint">
          Sessions that need one of these get a warning in rooms without it.
        </p>
        {featuresError ? (
          <p id={`${groupId}-error`} className="field-error">
            {featuresError}
          </p>
        ) : null}
        <div className="checkbox-row">
          {ROOM_FEATURES.map((feature) => (
            <label key={feature} className="checkbox">
              <input
                type="checkbox"
                name="features"
                value={feature}
                defaultChecked={checked.features.includes(feature)}
                {...register?.("features")}
              />{" "}
              {ROOM_FEATURE_LABELS[feature]}
            </label>
          ))}
        </div>
        <label className="checkbox checkbox-own-line">
          <input
            type="checkbox"
            name="accessible"
            value="yes"
            defaultChecked={checked.accessible}
            {...register?.("accessible")}
          />{" "}
          Wheelchair accessible
        </label>
      </fieldset>
    </>
  );
}
