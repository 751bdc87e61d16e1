import { ParticipatoryTextReader } from '../../participatory-texts/components/ParticipatoryTextReader';

/** A PARTICIPATORY_TEXT component: its sections and numbered articles, to read, comment and amend. */
export function ParticipatoryTextView({ componentId }: { componentId: string }) {
  return <ParticipatoryTextReader componentId={componentId} />;
}
