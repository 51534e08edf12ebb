import { z } from "zod";
import { optionalText } from "./fields";

export const PublishSchema = z.object({
  note: optionalText(500),
  // An unchecked box is simply absent from the form post.
  blockOnConflicts: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
});
