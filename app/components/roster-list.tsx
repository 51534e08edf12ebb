// The roster, a page of 100 at a time with a name or email search: after a big
// import the page listed all 20,000 people. Plain links and a GET form, so paging
// and searching work without JavaScript.
import { Form, Link } from "@remix-run/react";
import { Button } from "~/components/button";
import { Field } from "~/components/forms";

type Person = { userId: string; email: string; name: string; school: string | null; staffId: string | null };
export type RosterPage = {
  people: Person[];
  onRoster: number;
  matching: number;
  page: number;
  pages: number;
  first: number;
};

const count = (n: number) => n.toLocaleString("en-US");

export function RosterList({ roster, q, basePath }: { roster: RosterPage; q: string; basePath: string }) {
  const link = (page: number) => `${basePath}?${new URLSearchParams({ ...(q ? { q } : {}), page: String(page) })}`;
  const last = roster.first + roster.people.length - 1;
  const paging = (label: string) =>
    roster.pages > 1 ? (
      <nav aria-label={label}>
        <p>
          {roster.page > 1 ? <Link to={link(roster.page - 1)}>← Previous 100</Link> : null}
          {roster.page > 1 ? " · " : null}
          Page {roster.page} of {count(roster.pages)}
          {roster.page < roster.pages ? " · " : null}
          {roster.page < roster.pages ? <Link to={link(roster.page + 1)}>Next 100 →</Link> : null}
        </p>
      </nav>
    ) : null;
  return (
    <section className="card" aria-labelledby="roster-title">
      <h2 id="roster-title">On the roster ({count(roster.onRoster)})</h2>
      <Form method="get" action={basePath} className="roster-search" role="search">
        <Field label="Find a name or email" type="search" name="q" defaultValue={q} />
        <div className="form-actions">
          <Button variant="secondary">Search</Button>
          {q ? <Link to={basePath}>Show everyone</Link> : null}
        </div>
      </Form>
      <p role="status">
        {q
          ? roster.matching === 0
            ? `Nobody on the roster matches “${q}”.`
            : `${count(roster.first)}–${count(last)} of ${count(roster.matching)} matching “${q}”.`
          : roster.onRoster > 0
            ? `${count(roster.first)}–${count(last)} of ${count(roster.onRoster)}, by name.`
            : "Nobody is on the roster yet."}
      </p>
      {paging("Roster pages")}
      {roster.people.length > 0 ? (
        // Focusable so the table can be scrolled sideways by keyboard on a narrow screen.
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="roster-title">
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">School</th>
                <th scope="col">Staff ID</th>
              </tr>
            </thead>
            <tbody>
              {roster.people.map((p) => (
                <tr key={p.userId}>
                  <td>{p.name}</td>
                  <td>{p.email}</td>
                  <td>{p.school ?? ""}</td>
                  <td>{p.staffId ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {paging("Roster pages, end of the list")}
    </section>
  );
}
