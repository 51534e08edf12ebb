import { checkHealth } from "~/.server/health/health";

// For load balancers and uptime checks: 200 when the database answers and every
// migration is applied, 503 otherwise.
export async function loader() {
  const health = await checkHealth();
  return Response.json(health, {
    status: health.ok ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
