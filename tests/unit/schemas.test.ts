import { describe, expect, test } from "vitest";
import { SignupSchema } from "~/schemas/accounts";
import { EventSchema } from "~/schemas/events";
import { parseSubmission } from "~/utils/forms";

const validEvent = {
  name: "Spring Teacher-Led PD Day",
  date: "2027-03-12",
  startTime: "08:00",
  endTime: "15:30",
  timeZone: "America/Chicago",
};

function fieldErrors(schema: typeof EventSchema, input: unknown) {
  const result = schema.safeParse(input);
  expect(result.success, "expected the parse to fail").toBe(false);
  const errors: Record<string, string[]> = {};
  for (const issue of result.error!.issues) (errors[String(issue.path[0])] ??= []).push(issue.message);
  return errors;
}

describe("EventSchema", () => {
  test("accepts a complete PD day and tidies its values", () => {
    const parsed = EventSchema.parse({
      ...validEvent,
      slug: " Spring-PD-2027 ",
      venue: "   ",
      allowedEmailDomain: "@Springfield.K12.us",
      proposalsOpenOn: "2027-01-10",
      proposalsCloseOn: "2027-02-15",
    });
    expect(parsed).toMatchObject({
      slug: "spring-pd-2027",
      venue: undefined,
      allowedEmailDomain: "springfield.k12.us",
      proposalsCloseOn: "2027-02-15",
    });
  });

  test("reports an empty name and an end before the start in the same submit", () => {
    const errors = fieldErrors(EventSchema, { ...validEvent, name: "  ", startTime: "15:00", endTime: "09:00" });
    expect(errors).toEqual({
      name: ["Give the PD day a name"],
      endTime: ["The day must end after it starts"],
    });
  });

  test("still checks the times when the name is missing altogether (a type error, which aborts)", () => {
    const { name: _omitted, ...withoutName } = validEvent;
    const errors = fieldErrors(EventSchema, { ...withoutName, startTime: "15:00", endTime: "09:00" });
    expect(errors).toEqual({
      name: ["Give the PD day a name"],
      endTime: ["The day must end after it starts"],
    });
  });

  test("does not compare times when one of them is itself malformed", () => {
    const errors = fieldErrors(EventSchema, { ...validEvent, startTime: "8am", endTime: "07:00" });
    expect(errors).toEqual({ startTime: ["Use a time like 08:30"] });
  });

  test("refuses a time zone the runtime does not know", () => {
    const errors = fieldErrors(EventSchema, { ...validEvent, timeZone: "America/Springfield" });
    expect(errors).toEqual({ timeZone: ["Choose a time zone from the list"] });
  });

  test("refuses a date that does not exist", () => {
    expect(fieldErrors(EventSchema, { ...validEvent, date: "2027-02-30" })).toEqual({
      date: ["That date does not exist"],
    });
  });

  test("proposals must close by the day of the event, and after they open", () => {
    expect(fieldErrors(EventSchema, { ...validEvent, proposalsCloseOn: "2027-03-13" })).toEqual({
      proposalsCloseOn: ["Proposals must close by the day of the event"],
    });
    expect(
      fieldErrors(EventSchema, { ...validEvent, proposalsOpenOn: "2027-02-01", proposalsCloseOn: "2027-01-15" }),
    ).toEqual({ proposalsCloseOn: ["Proposals must close on or after the day they open"] });
    expect(EventSchema.safeParse({ ...validEvent, proposalsCloseOn: "2027-03-12" }).success).toBe(true);
  });
});

function form(entries: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) data.append(key, value);
  return data;
}

describe("parseSubmission", () => {
  test("returns the parsed, typed values on success", () => {
    const result = parseSubmission(
      SignupSchema,
      form({
        name: " Lee Chen ",
        email: "Lee.Chen@Springfield.k12.us",
        password: "long enough pw",
        confirmPassword: "long enough pw",
      }),
    );
    expect(result).toEqual({
      ok: true,
      data: {
        name: "Lee Chen",
        email: "lee.chen@springfield.k12.us",
        password: "long enough pw",
        confirmPassword: "long enough pw",
      },
    });
  });

  test("on failure keeps what the user typed but never sends passwords back", () => {
    const result = parseSubmission(
      SignupSchema,
      form({
        name: "Lee Chen",
        email: "not-an-email",
        password: "short",
        confirmPassword: "different",
        event: "spring-pd",
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.values).toEqual({ name: "Lee Chen", email: "not-an-email", event: "spring-pd" });
    expect(result.fieldErrors).toMatchObject({
      email: ["Enter an email address like name@school.org"],
      password: ["Use at least 10 characters"],
    });
    // The mismatch message would only add noise while the password itself is invalid.
    expect(result.fieldErrors.confirmPassword).toBeUndefined();
  });

  test("reports mismatched passwords once the password itself is acceptable", () => {
    const result = parseSubmission(
      SignupSchema,
      form({
        name: "",
        email: "lee@springfield.k12.us",
        password: "long enough pw",
        confirmPassword: "long enough px",
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors).toEqual({
      name: ["Enter your name"],
      confirmPassword: ["The two passwords do not match"],
    });
  });
});
