// Which form is posting. `useNavigation().state === "submitting"` is true while ANY
// form on the page posts, so a page that disabled its buttons on it froze every form
// while one was busy. A form is told apart by where it posts and by the fields its
// post carries (its `intent`, and for a row's form the row's id): the same way the
// action tells the forms apart. Without JavaScript nothing is pending: the browser
// shows its own loading state.
import { useFormAction, useNavigation } from "@remix-run/react";

/** Fields a form's post carries, e.g. `{ intent: "update", roomId }`; a list matches any of its values. */
export type PostedFields = Record<string, string | readonly string[]>;

/** The path a form posts to and whether it is an index route's (`?index`), the rest of the query aside. */
function target(action: string) {
  const url = new URL(action, "http://dropin.invalid");
  return `${url.pathname.replace(/(.)\/$/, "$1")}${url.searchParams.has("index") ? "?index" : ""}`;
}

/**
 * `pending(fields?, action?)`: whether the post under way is the one of the form
 * that posts these fields (all of them) to `action` (default: this route's action).
 * Call it once per form, so each row's form has its own pending state.
 */
export function usePending() {
  const navigation = useNavigation();
  const here = useFormAction();
  return function pending(fields: PostedFields = {}, action: string = here) {
    if (navigation.state !== "submitting" || !navigation.formAction) return false;
    if (target(navigation.formAction) !== target(action)) return false;
    const posted = navigation.formData;
    return Object.entries(fields).every(([name, wanted]) => {
      const value = posted?.get(name);
      return typeof value === "string" && (typeof wanted === "string" ? value === wanted : wanted.includes(value));
    });
  };
}
