// The browser half of useLazyValidatedForm, loaded on a form's first focus with zod
// and the attendee schemas: it runs the server's own check (`safeParse` +
// `issuesToErrors`) on the form's FormData and shows messages as useValidatedForm's
// default mode does: on leaving a field, then as it is edited; after a submit, all.
import * as attendeeSchemas from "../schemas/attendees";
import { formDataToObject, issuesToErrors, type FieldErrors } from "./forms";

/** The schemas a lazily checked form may name (the phone-budget pages' forms). */
export type LazySchema = "JoinSchema" | "CodeSchema" | "FeedbackSchema";

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
const isField = (target: unknown): target is Field =>
  target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;

export function formChecker(
  name: LazySchema,
  show: (update: (shown: FieldErrors) => FieldErrors) => void,
  post: (target: HTMLFormElement | HTMLButtonElement) => void,
) {
  const schema = attendeeSchemas[name];
  const touched = new Set<string>();
  let submitted = false;

  function check(form: HTMLFormElement) {
    const result = schema.safeParse(formDataToObject(new FormData(form)));
    const found = result.success ? {} : issuesToErrors(result.error.issues).fieldErrors;
    show((shown) => {
      if (submitted) return found;
      const next = { ...shown };
      for (const field of touched) next[field] = found[field];
      return next;
    });
    return found;
  }

  return {
    focus() {},
    blur(form: HTMLFormElement, target: EventTarget) {
      if (!isField(target) || !target.name || target.type === "hidden") return;
      touched.add(target.name);
      check(form);
    },
    /** `shown`: the messages on the page now; one the server gave goes as its field is edited. */
    change(form: HTMLFormElement, target: EventTarget, _submitter: unknown, shown: FieldErrors) {
      if (!isField(target)) return;
      if (shown[target.name]?.length) touched.add(target.name);
      if (submitted || touched.has(target.name)) check(form);
    },
    /** Posts the form as its button would, or puts the focus on the first field with a message. */
    submit(form: HTMLFormElement, _target: EventTarget, submitter: HTMLButtonElement | null) {
      submitted = true;
      const found = check(form);
      const wrong = [...form.elements].find((el): el is Field => isField(el) && Boolean(found[el.name]?.length));
      if (wrong) wrong.focus();
      else post(submitter ?? form);
    },
  };
}
