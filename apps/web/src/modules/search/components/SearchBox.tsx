import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import '../search.css';

/**
 * The header's search field (a `search` landmark): submitting opens « /recherche?q=… ».
 * Fewer than 2 characters: the field says so instead of searching. `name` labels the landmark
 * when the page has another search form (landmarks must have distinct names).
 */
export function SearchBox({
  initial = '',
  className = 'search-box',
  name,
}: {
  initial?: string;
  className?: string;
  name?: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = useId();
  const [text, setText] = useState(initial);
  const [tooShort, setTooShort] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    const query = text.trim();
    if (query.length < 2) {
      setTooShort(true);
      return;
    }
    setTooShort(false);
    void navigate(`/recherche?q=${encodeURIComponent(query)}`);
  }

  return (
    <form
      role="search"
      aria-label={name ?? t('search.label')}
      className={className}
      onSubmit={submit}
      noValidate
    >
      <label htmlFor={id} className="visually-hidden">
        {t('search.label')}
      </label>
      <input
        id={id}
        type="search"
        name="q"
        value={text}
        maxLength={200}
        placeholder={t('search.placeholder')}
        aria-invalid={tooShort || undefined}
        aria-describedby={tooShort ? `${id}-error` : undefined}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" className="button button--small">
        {t('search.submit')}
      </button>
      {tooShort && (
        <p id={`${id}-error`} className="field__error search-box__error" role="alert">
          {t('search.tooShort')}
        </p>
      )}
    </form>
  );
}
