import { Link } from "@remix-run/react";

/** Why a district sign-in did not go through, with the way back. */
export function DistrictSignInProblem({ title, message }: { title: string; message: string }) {
  return (
    <section className="card narrow" aria-labelledby="district-problem-title">
      <h1 id="district-problem-title">{title}</h1>
      <p role="alert">{message}</p>
      <p>
        <Link to="/login">Back to sign in</Link>
      </p>
    </section>
  );
}

/** The district's sign-in buttons: plain links, so they work without JavaScript. */
export function DistrictSignInButtons({
  buttons,
  redirectTo,
}: {
  buttons: { id: string; label: string }[];
  redirectTo: string;
}) {
  if (buttons.length === 0) return null;
  const query = redirectTo ? `?${new URLSearchParams({ redirectTo })}` : "";
  return (
    <ul className="district-sign-in" aria-label="Sign in with your district account">
      {buttons.map((button) => (
        <li key={button.id}>
          <a className="button button-primary district-sign-in-button" href={`/auth/${button.id}${query}`}>
            {button.label}
          </a>
        </li>
      ))}
    </ul>
  );
}
