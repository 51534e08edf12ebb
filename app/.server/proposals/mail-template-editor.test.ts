import { describe, expect, test } from "vitest";
import { MailTemplateSchema, unknownPlaceholders } from "~/schemas/mail-templates";
import { db } from "~/utils/db.server";
import { addMember, createEvent, createUser } from "../../../tests/factories";
import { NotAllowedError } from "../errors";
import { listTemplates, previewTemplate, resetTemplate, saveTemplate } from "./mail-template-editor";
import { DEFAULT_TEMPLATES, PLACEHOLDERS, sendTemplated, TEMPLATE_KEYS } from "./mail-templates";

async function coordinatedEvent() {
  const event = await createEvent({ name: "Winter Tech Exchange", date: "2027-02-13" });
  const coordinator = await createUser();
  await addMember(event.id, coordinator.id, "coordinator");
  return { event, coordinator };
}

test("every message has default wording that uses only placeholders Dropin fills in", () => {
  expect(Object.keys(DEFAULT_TEMPLATES).sort()).toEqual([...TEMPLATE_KEYS].sort());
  for (const template of Object.values(DEFAULT_TEMPLATES)) {
    expect(unknownPlaceholders(template.subject + template.body), template.label).toEqual([]);
  }
  expect(PLACEHOLDERS).toContain("link");
});

describe("MailTemplateSchema", () => {
  test("names unknown placeholders in the field that has them", () => {
    const result = MailTemplateSchema.safeParse({
      key: "accepted",
      subject: "Yes: {{titel}}",
      body: "Hi {{ name }}, see {{url}} and {{url}}",
    });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((i) => [String(i.path[0]), i.message]));
    expect(messages.subject).toMatch(/^Unknown placeholder \{\{titel\}\}\. Use only \{\{name\}\}/);
    expect(messages.body).toMatch(/^Unknown placeholder \{\{url\}\}\./);
  });

  test("accepts the known placeholders, spaced or not", () => {
    expect(
      MailTemplateSchema.parse({
        key: "declined",
        subject: "{{title}}",
        body: "{{ name }} {{event}} {{date}} {{link}} {{presenter}}",
      }),
    ).toBeTruthy();
  });

  test("requires a subject and a body", () => {
    const result = MailTemplateSchema.safeParse({ key: "declined", subject: " ", body: "" });
    expect(result.error!.issues.map((i) => i.message)).toEqual(["Write a subject line", "Write the message"]);
  });
});

describe("the template editor", () => {
  test("lists the six messages with their defaults until one is saved; reset brings the default back", async () => {
    const { event, coordinator } = await coordinatedEvent();
    const before = await listTemplates(coordinator.id, event.id);
    expect(before.map((t) => t.key)).toEqual([...TEMPLATE_KEYS]);
    expect(before.every((t) => !t.customized)).toBe(true);

    await saveTemplate(coordinator.id, event.id, {
      key: "accepted",
      subject: "Yes! {{title}}",
      body: "Dear {{name}}, confirm at {{link}}",
    });
    const saved = (await listTemplates(coordinator.id, event.id)).find((t) => t.key === "accepted")!;
    expect(saved).toMatchObject({ customized: true, subject: "Yes! {{title}}" });

    await sendTemplated(event.id, "accepted", "kim@springfield.k12.us", {
      name: "Kim",
      title: "Robots",
      link: "http://x/p/1",
    });
    expect(await db.outboxMessage.findFirstOrThrow()).toMatchObject({
      subject: "Yes! Robots",
      text: "Dear Kim, confirm at http://x/p/1",
    });

    await resetTemplate(coordinator.id, event.id, "accepted");
    const reset = (await listTemplates(coordinator.id, event.id)).find((t) => t.key === "accepted")!;
    expect(reset).toMatchObject({ customized: false, subject: "Accepted: {{title}} — please confirm" });
    expect((await db.auditLog.findMany({ where: { entity: "MailTemplate" } })).map((a) => a.action).sort()).toEqual([
      "mail_template.reset",
      "mail_template.updated",
    ]);
  });

  test("preview fills in sample values with the event's own name and date, and saves nothing", async () => {
    const { event, coordinator } = await coordinatedEvent();
    const preview = await previewTemplate(coordinator.id, event.id, {
      subject: "{{title}} at {{event}}",
      body: "Hi {{name}}, on {{date}}: {{link}}",
    });
    expect(preview.subject).toBe("Station rotation that runs itself at Winter Tech Exchange");
    expect(preview.body).toBe(
      "Hi Jordan Rivera, on Saturday, February 13, 2027: http://localhost:3000/proposals/example",
    );
    expect(await db.mailTemplate.count()).toBe(0);
  });

  test("only the event's coordinators may edit its templates", async () => {
    const { event } = await coordinatedEvent();
    const reviewer = await createUser();
    await addMember(event.id, reviewer.id, "reviewer");
    const otherCoordinator = await createUser();
    await addMember((await createEvent()).id, otherCoordinator.id, "coordinator");
    for (const actor of [reviewer, otherCoordinator]) {
      await expect(listTemplates(actor.id, event.id)).rejects.toBeInstanceOf(NotAllowedError);
      await expect(
        saveTemplate(actor.id, event.id, { key: "declined", subject: "x", body: "y" }),
      ).rejects.toBeInstanceOf(NotAllowedError);
      await expect(resetTemplate(actor.id, event.id, "declined")).rejects.toBeInstanceOf(NotAllowedError);
    }
    expect(await db.mailTemplate.count()).toBe(0);
  });
});
