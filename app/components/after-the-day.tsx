// The dashboard's "After the day" card: circle sign-ups, posts per circle and
// takeaways per session (counts only; the pages themselves hold the words).
import { Link } from "@remix-run/react";
import { count } from "~/utils/plural";

type Counts = {
  circles: { status: string; optIns: number; members: number; circles: { number: number; posts: number }[] } | null;
  takeaways: { proposalId: string; title: string; count: number }[];
};

export function AfterTheDay({ counts }: { counts: Counts }) {
  const { circles, takeaways } = counts;
  const totalTakeaways = takeaways.reduce((sum, t) => sum + t.count, 0);
  return (
    <section aria-labelledby="after-title" className="card">
      <h2 id="after-title">After the day</h2>
      <p>
        <Link to="circles">Follow-up circles</Link>:{" "}
        {circles
          ? `${count(circles.optIns, "person", "people")} joined · ${count(circles.members, "member")} in ${count(circles.circles.length, "circle")}${circles.status === "published" ? "" : " (not published yet)"}`
          : "not open yet"}
      </p>
      {circles?.status === "published" && circles.circles.length ? (
        <details>
          <summary>Posts per circle</summary>
          <ul className="list-plain">
            {circles.circles.map((c) => (
              <li key={c.number}>
                Circle {c.number}: {count(c.posts, "post")}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <p>{count(totalTakeaways, "takeaway")} posted on sessions.</p>
      {takeaways.length ? (
        <details>
          <summary>Takeaways per session</summary>
          <ul className="list-plain">
            {takeaways.map((t) => (
              <li key={t.proposalId}>
                {t.title}: {t.count}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
