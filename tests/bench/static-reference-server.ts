// The "physical limit" page server for `npm run bench`: plain node:http answering
// a 6 KB page from memory, in its own process like Dropin's server.
import http from "node:http";

const body = Buffer.from(
  `<!doctype html><title>static</title>${"<p>Dropin static reference page.</p>".repeat(200)}`.slice(0, 6144),
);
http
  .createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Length": body.length });
    res.end(body);
  })
  .listen(Number(process.env.PORT), () => process.send?.("ready"));
