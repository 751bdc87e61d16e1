import { CONTENT_LANGUAGE } from '../content-language';
import { splitParagraphs } from '../utils/text';

/**
 * Plain text written on Concerto rendered as paragraphs (split on blank lines), in the content
 * language (`lang`, see `content-language.ts`); React escapes the text.
 */
export function Paragraphs({ text, className }: { text: string; className?: string }) {
  const paragraphs = splitParagraphs(text);
  if (paragraphs.length === 0) return null;
  return (
    <div className={className} lang={CONTENT_LANGUAGE}>
      {paragraphs.map((paragraph, index) => (
        <p key={index}>{paragraph}</p>
      ))}
    </div>
  );
}
