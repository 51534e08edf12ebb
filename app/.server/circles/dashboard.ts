// "After the day" on the PD day's dashboard: who joined circles, how much each
// circle posts, and takeaways per session. Coordinators only.
import { assertEventCoordinator } from "../events/permissions";
import { takeawayCounts } from "../takeaways/takeaways";
import { circleCounts } from "./rounds";

export async function afterTheDayCounts(actorId: string, eventId: string) {
  await assertEventCoordinator(actorId, eventId);
  const [circles, takeaways] = await Promise.all([circleCounts(eventId), takeawayCounts(eventId)]);
  return { circles, takeaways };
}
