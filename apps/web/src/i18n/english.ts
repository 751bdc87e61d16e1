/** Every `<group>.en.json` of this folder, mounted under its group (`proposals.en.json` → `proposals`). */
const files = import.meta.glob<Record<string, unknown>>('./*.en.json', {
  eager: true,
  import: 'default',
});

/**
 * The English interface's strings, in their own chunk: loaded only when someone chooses English
 * (French, the default, comes group by group with the code that shows it), so French readers
 * never download them. English readers get every group at once, in this one chunk.
 */
export const englishTranslation: Record<string, Record<string, unknown>> = Object.fromEntries(
  Object.entries(files).map(([path, strings]) => [
    path.replace(/^\.\/(.*)\.en\.json$/, '$1'),
    strings,
  ]),
);
