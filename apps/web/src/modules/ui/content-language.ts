/**
 * The language of what people and the server write on Concerto: proposal titles and bodies,
 * comments, answers, amendments, space and component titles, the journal's summaries, demo
 * content — all French, whatever the interface language.
 *
 * The element that holds such text carries `lang={CONTENT_LANGUAGE}` (or is a `UserText`,
 * `SafeHtml`, `Paragraphs`, `Markdown` or `DiffView`, which set it), so that a screen
 * reader in the English interface reads it with French pronunciation. It is set in both
 * interfaces: redundant but harmless under `<html lang="fr">`, and the markup does not depend on
 * the reader's choice. Only the content element is marked, never a whole page, since the
 * interface strings around it follow `<html lang>`. Names of people are not marked.
 */
export const CONTENT_LANGUAGE = 'fr';
