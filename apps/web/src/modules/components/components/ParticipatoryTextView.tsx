import { ParticipatoryTextReader } from '../../participatory-texts/components/ParticipatoryTextReader';

/** A PARTICIPATORY_TEXT component: its sections and numbered articles, to read, comment and amend. */
export function ParticipatoryTextView({ componentId }: { componentId: string }) {
  // one reader per text: another text never shows this one's articles, opened article or deferred render
  return <ParticipatoryTextReader key={componentId} componentId={componentId} />;
}
