/**
 * Escapes text for XML/HTML element content and attribute values.
 * @example escapeXml('<script>"&') // "&lt;script&gt;&quot;&amp;"
 */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}
