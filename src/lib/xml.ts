/**
 * Escapes text for XML element content and attribute values.
 *
 * @example
 * escapeXml('Tôm & cá <ngon>'); // 'Tôm &amp; cá &lt;ngon&gt;'
 */
export function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[char]};`,
  );
}
