// "Thanks to our sponsors" on the public PD-day page: only vendors who opted in.
// Data: listSponsors(eventId) from ~/.server/vendors/vendors.

export type Sponsor = { id: string; company: string; items: string[] };

export function Sponsors({ sponsors }: { sponsors: readonly Sponsor[] }) {
  if (sponsors.length === 0) return null;
  return (
    <section className="card sponsors" aria-labelledby="sponsors-title">
      <h2 id="sponsors-title">Thanks to our sponsors</h2>
      <ul className="sponsor-list">
        {sponsors.map((s) => (
          <li key={s.id}>
            <strong>{s.company}</strong>
            {s.items.length > 0 ? <span className="muted"> · {s.items.join(", ")}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
