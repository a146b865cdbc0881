import { ValueText } from './ValueText';

/** Facts about a decoded or decrypted value, as a list of text (notes may quote the page's data). */
export function NoteList({ notes, testId }: { notes: readonly string[]; testId: string }) {
  if (notes.length === 0) return null;
  return (
    <ul class="decode-notes">
      {notes.map((n, i) => (
        <li key={i} data-testid={testId}>
          <ValueText value={n} max={400} />
        </li>
      ))}
    </ul>
  );
}
