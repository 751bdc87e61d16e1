import {
  lazy,
  Suspense,
  useEffect,
  useId,
  useImperativeHandle,
  useRef,
  type ReactNode,
  type Ref,
} from 'react';
import { describedBy, FieldFrame } from './Fields';

/** How a rich text's value is written: sanitised HTML (the default) or Markdown. */
export type RichTextFormat = 'html' | 'markdown';

/** What a rich text field can be asked to do from outside (focus it, e.g. from an error summary). */
export interface RichTextHandle {
  focus(): void;
}

export interface RichTextFieldProps {
  /** The control's id (for an error summary's link); generated when absent. */
  id?: string;
  label: string;
  hint?: ReactNode;
  error?: string | null;
  /** The value, in `format`. */
  value: string;
  /** Called with the new value, in `format` (an empty editor gives `''`). */
  onChange: (value: string) => void;
  /** `html` (default) or `markdown` (a participatory text's article and its amendments). */
  format?: RichTextFormat;
  name?: string;
  required?: boolean;
  /** Rows of the fallback textarea (and the editor's minimum height). */
  rows?: number;
  /** Maximum length of the fallback textarea's text. */
  maxLength?: number;
  disabled?: boolean;
  /** To focus the field, whichever control is showing. */
  focusRef?: Ref<RichTextHandle>;
}

/** The editor proper: TipTap, loaded on first use so pages without a form don't download it. */
const RichTextEditor = lazy(() => import('./RichTextEditor'));

/**
 * A labelled rich text field (bold, italic, lists, links) with the contract of
 * {@link TextAreaField}: label, hint and error tied by `aria-describedby`, `aria-invalid`, a
 * string value. TipTap comes in its own chunk; until it is there the same label names a plain
 * textarea holding the same value, so nothing typed is lost and keyboard users can start at once.
 */
export function RichTextField({
  id: givenId,
  label,
  hint,
  error,
  value,
  onChange,
  format = 'html',
  name,
  required,
  rows = 6,
  maxLength,
  disabled,
  focusRef,
}: RichTextFieldProps) {
  const generatedId = useId();
  const id = givenId ?? generatedId;
  const labelId = `${id}-label`;
  const textarea = useRef<HTMLTextAreaElement>(null);
  const editor = useRef<RichTextHandle>(null);
  // whether the fallback had the focus when the editor replaced it (the editor then takes it)
  const hadFocus = useRef(false);
  useImperativeHandle(focusRef, () => ({
    focus: () => (editor.current ?? textarea.current)?.focus(),
  }));
  useEffect(() => {
    const onFocus = () => {
      hadFocus.current = document.activeElement === textarea.current;
    };
    document.addEventListener('focusin', onFocus);
    return () => document.removeEventListener('focusin', onFocus);
  }, []);
  const describedby = describedBy(id, hint, error);
  const fallback = (
    <textarea
      id={id}
      ref={textarea}
      className="field__control"
      name={name}
      required={required}
      rows={rows}
      maxLength={maxLength}
      disabled={disabled}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedby}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
  );
  return (
    <FieldFrame
      id={id}
      labelId={labelId}
      label={label}
      hint={hint}
      error={error}
      className="field--rich"
    >
      <Suspense fallback={fallback}>
        <RichTextEditor
          id={id}
          labelId={labelId}
          describedBy={describedby}
          invalid={Boolean(error)}
          required={required}
          disabled={disabled}
          rows={rows}
          format={format}
          value={value}
          onChange={onChange}
          handleRef={editor}
          focusOnMount={hadFocus}
        />
      </Suspense>
    </FieldFrame>
  );
}
