import { splitParagraphs } from '../utils/text';

/** Plain text rendered as paragraphs (split on blank lines); React escapes the text. */
export function Paragraphs({ text, className }: { text: string; className?: string }) {
  const paragraphs = splitParagraphs(text);
  if (paragraphs.length === 0) return null;
  return (
    <div className={className}>
      {paragraphs.map((paragraph, index) => (
        <p key={index}>{paragraph}</p>
      ))}
    </div>
  );
}
