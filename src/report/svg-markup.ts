/**
 * Building SVG (and HTML) text: escaping, elements with attributes, and coordinates rounded to
 * 0.01 px so the markup stays small and identical across runs. Charts are strings, not DOM: the
 * report code is pure and runs in Node without a browser.
 *
 * Example (a test checks it): el('text', { x: 1.006, 'data-k': 'a<b' }, 'A &amp; B')
 * = '<text x="1.01" data-k="a&lt;b">A &amp; B</text>'.
 */

export type Attrs = Record<string, string | number | undefined>;

/** Escape text for element content and attribute values (both XML and HTML). */
export function escapeXml(s: string): string {
  return s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}

/** A number for a coordinate: at most two decimals, no "-0". */
export function px(x: number): string {
  const r = Math.round(x * 100) / 100 + 0;
  return String(r);
}

/** An element; `children` is markup (already escaped), or omitted for an empty element. */
export function el(tag: string, attrs: Attrs, children?: string): string {
  const a = Object.entries(attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? px(v) : escapeXml(v!)}"`)
    .join('');
  return children === undefined ? `<${tag}${a}/>` : `<${tag}${a}>${children}</${tag}>`;
}

/** A text element with escaped content. */
export function text(attrs: Attrs, content: string): string {
  return el('text', attrs, escapeXml(content));
}
