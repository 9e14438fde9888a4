/** Reading the text of the PDF reports in tests. */

/** The text of a pdfkit PDF: each TJ array's hex strings joined (WinAnsi bytes), lines joined by spaces. */
export function pdfText(pdf: Buffer): string {
  const s = pdf.toString('latin1');
  const lines = [...s.matchAll(/\[((?:<[0-9a-f]*>\s*-?[\d.]*\s*)+)\]\s*TJ/g)].map((m) => [...m[1]!.matchAll(/<([0-9a-f]*)>/g)].map((h) => Buffer.from(h[1]!, 'hex').toString('latin1')).join(''));
  return lines.join(' ').replaceAll('\u00a0', ' ').replace(/\s+/g, ' ');
}
