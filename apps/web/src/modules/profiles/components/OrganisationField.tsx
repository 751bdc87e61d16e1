import { useQuery } from '@apollo/client/react';
import { useContext, useEffect, useState, type Ref } from 'react';
import { ComboBox, ComboBoxStateContext } from 'react-aria-components/ComboBox';
import { FieldError } from 'react-aria-components/FieldError';
import { Input } from 'react-aria-components/Input';
import { Label } from 'react-aria-components/Label';
import { ListBox, ListBoxItem } from 'react-aria-components/ListBox';
import { Popover } from 'react-aria-components/Popover';
import { Text } from 'react-aria-components/Text';
import { useTranslation } from 'react-i18next';
import { ORGANISATION_SUGGESTIONS_QUERY } from '../graphql/members';

interface OrganisationFieldProps {
  /** The input's id (for an error summary's link). */
  id?: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  inputRef?: Ref<HTMLInputElement>;
  maxLength: number;
}

/** Time to wait after the last keystroke before asking for suggestions, in milliseconds. */
const SUGGESTION_DELAY_MS = 250;

/**
 * « Organisation »: free text with the organisations other members already gave as suggestions
 * (`organisationSuggestions`, asked once typing pauses), as a React Aria combobox (ARIA 1.2
 * pattern: arrow keys move in the list, Enter picks, Escape closes; any text is accepted).
 */
export function OrganisationField({
  id,
  value,
  onChange,
  error,
  inputRef,
  maxLength,
}: OrganisationFieldProps) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState(false);
  const [search, setSearch] = useState(value);
  useEffect(() => {
    if (!typed) return undefined;
    const timer = setTimeout(() => setSearch(value.trim()), SUGGESTION_DELAY_MS);
    return () => clearTimeout(timer);
  }, [value, typed]);
  const { data } = useQuery(ORGANISATION_SUGGESTIONS_QUERY, {
    variables: { search },
    skip: !typed || search.length === 0,
    fetchPolicy: 'cache-first',
  });
  const suggestions = (data?.organisationSuggestions ?? [])
    .filter((name) => name !== value)
    .map((name) => ({ id: name, name }));
  return (
    <ComboBox
      id={id}
      className={['field', error ? 'field--invalid' : ''].filter(Boolean).join(' ')}
      inputValue={value}
      onInputChange={(next) => {
        setTyped(true);
        onChange(next);
      }}
      onSelectionChange={(key) => {
        if (typeof key !== 'string') return;
        // a picked suggestion is final: no new search (and no list reopening) until the next keystroke
        setTyped(false);
        onChange(key);
      }}
      items={suggestions}
      allowsCustomValue
      allowsEmptyCollection={false}
      menuTrigger="input"
      isInvalid={Boolean(error)}
      validationBehavior="aria"
    >
      <Label className="field__label">{t('members.profile.organisation')}</Label>
      <Text slot="description" className="field__hint">
        {t('members.profile.organisationHint')}
      </Text>
      <FieldError className="field__error">{error}</FieldError>
      <OpenOnSuggestions results={data?.organisationSuggestions} count={suggestions.length} />
      <Input
        ref={inputRef}
        name="organisation"
        className="field__control"
        maxLength={maxLength}
        autoComplete="organization"
      />
      <Popover className="members-combobox__popover" placement="bottom start">
        <ListBox className="members-combobox__list" aria-label={t('members.profile.suggestions')}>
          {(item: { id: string; name: string }) => (
            <ListBoxItem id={item.id} textValue={item.name} className="members-combobox__option">
              {item.name}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}

/**
 * Opens the list when suggestions arrive while the member is typing: React Aria opens it only
 * when the text changes and items are already there, and ours come a moment later.
 */
function OpenOnSuggestions({ results, count }: { results: string[] | undefined; count: number }) {
  const state = useContext(ComboBoxStateContext);
  useEffect(() => {
    if (state && results && count > 0 && state.isFocused && !state.isOpen)
      state.open(null, 'input');
    // only when new results arrive
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [results]);
  return null;
}
