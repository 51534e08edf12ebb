// The demo's one resource file: a one-page PDF handout, built here so the demo day
// shows a real download without a binary file in the repository. A PDF is text
// objects plus a table of their byte offsets; the offsets are counted as we go.

const LINES = [
  "Exit ticket template",
  "1. One thing I learned today:",
  "2. One question I still have:",
  "3. How sure am I (1-4)?",
];

function escapePdfText(s: string) {
  return s.replace(/[\\()]/g, (c) => `\\${c}`);
}

/** A valid one-page PDF (Letter, Helvetica) with the handout's lines. */
export function demoHandoutPdf(): Uint8Array {
  const text = LINES.map(
    (line, i) => `BT /F1 ${i === 0 ? 20 : 14} Tf 72 ${720 - i * 36} Td (${escapePdfText(line)}) Tj ET`,
  ).join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    `<< /Length ${Buffer.byteLength(text, "latin1")} >>\nstream\n${text}\nendstream`,
  ];
  let pdf = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, "latin1"));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, "latin1");
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("");
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(pdf, "latin1"));
}
