// Counts in words: "1 session", "2 sessions". One helper so no page says "1 sessions".
// English only for now; Intl.PluralRules keeps the choice right if more locales come.
const rules = new Intl.PluralRules("en-US");

/** The word for `n` of a thing: plural("session", 1) → "session". */
export function plural(n: number, one: string, other = `${one}s`) {
  return rules.select(n) === "one" ? one : other;
}

/** The number and the word: count(2, "prize") → "2 prizes"; count(1, "person", "people") → "1 person". */
export function count(n: number, one: string, other = `${one}s`) {
  return `${n} ${plural(n, one, other)}`;
}
