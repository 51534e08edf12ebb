import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import {
  Form,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useRouteLoaderData,
} from "@remix-run/react";
import { createContext, useContext, type ReactNode } from "react";
import { ErrorMessage } from "~/components/error-message";
import { Toaster } from "~/components/toaster";
import { navigationFor } from "~/.server/events/navigation";
import { getUser } from "~/utils/auth.server";
import { takeToast } from "~/utils/toast.server";
import { usePending } from "~/utils/use-pending";
import styles from "~/styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

// zod probes `new Function` to decide whether to compile its parsers; under our CSP
// (no 'unsafe-eval') the browser reports that probe as a violation even though zod
// catches it. Skip the probe: zod's plain parsers are plenty fast for forms. This is
// what zod's `config({ jitless: true })` writes; set directly so that attendee pages,
// which ship no zod, do not download it for one line (they sit at the 90 KB budget).
((globalThis as { __zod_globalConfig?: { jitless?: boolean } }).__zod_globalConfig ??= {}).jitless = true;

/**
 * The Content-Security-Policy nonce of this response, provided by entry.server.tsx.
 * A context rather than loader data: the nonce never lands in the page's JSON or in
 * client navigations (it means nothing after the first response), and the browser
 * needs it only on the server-rendered tags. Undefined in the browser and in dev.
 */
export const NonceContext = createContext<string | undefined>(undefined);

export const meta: MetaFunction = () => [{ title: "Dropin" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const [user, { toast, setCookie }] = await Promise.all([getUser(request), takeToast(request)]);
  // A stored schedule render for a kind of signed-in viewer (server/public-page-cache.ts):
  // their header links, and nobody's name.
  const nav = context.sharedViewer?.nav ?? (user ? navigationFor(user) : null);
  return data({ user, nav, toast }, setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined);
}

function SiteHeader() {
  const rootData = useRouteLoaderData<typeof loader>("root");
  const user = rootData?.user;
  const nav = rootData?.nav;
  const signingOut = usePending()({}, "/logout");
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link to={nav?.home ?? "/"} className="brand">
          Dropin
        </Link>
        {nav ? (
          <nav aria-label="Main" className="site-nav">
            {nav?.links.map((link) => (
              <NavLink key={link.to} to={link.to}>
                {link.label}
              </NavLink>
            ))}
            <Form method="post" action="/logout" className="inline-form">
              <button type="submit" className="button button-link" disabled={signingOut}>
                Sign out {user ? <span className="visually-hidden">{user.name}</span> : null}
              </button>
            </Form>
          </nav>
        ) : (
          <nav aria-label="Main" className="site-nav">
            <NavLink to="/login">Sign in</NavLink>
          </nav>
        )}
      </div>
    </header>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useContext(NonceContext);
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#1f5f8b" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" className="page" tabIndex={-1}>
          {children}
        </main>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const { toast } = useLoaderData<typeof loader>();
  return (
    <>
      <Toaster toast={toast} />
      <Outlet />
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
