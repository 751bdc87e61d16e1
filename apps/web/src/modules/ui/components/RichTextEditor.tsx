import { Markdown } from '@tiptap/markdown';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import {
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
  type MutableRefObject,
  type ReactNode,
  type Ref,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { RichTextFormat, RichTextHandle } from './RichTextField';

/** Link targets the editor accepts, like the server's sanitiser: web pages and mail addresses. */
const LINK_PROTOCOLS = ['http', 'https', 'mailto'];
const SAFE_LINK = /^(https?:\/\/[^\s]+|mailto:[^\s]+)$/i;

interface RichTextEditorProps {
  id: string;
  labelId: string;
  describedBy?: string;
  invalid: boolean;
  required?: boolean;
  disabled?: boolean;
  rows: number;
  format: RichTextFormat;
  value: string;
  onChange: (value: string) => void;
  handleRef: Ref<RichTextHandle>;
  /** True when the fallback textarea had the focus: the editor takes it on mount. */
  focusOnMount: MutableRefObject<boolean>;
}

/**
 * Focuses the editor at once (TipTap's `focus()` waits a frame, and the selection change the
 * browser then reports clears a mark just toggled on, so typing after « Gras » was not bold).
 */
function focusNow(editor: Editor): Editor {
  if (!editor.view.hasFocus()) editor.view.focus();
  return editor;
}

/** The editor's value in `format`; an empty document is `''`. */
function valueOf(editor: Editor, format: RichTextFormat): string {
  if (editor.isEmpty) return '';
  return format === 'markdown' ? editor.getMarkdown() : editor.getHTML();
}

/**
 * TipTap with the marks and blocks the server's sanitiser keeps (paragraphs, bold, italic,
 * lists, links), a toolbar of real buttons, and a controlled string value. Loaded lazily by
 * {@link RichTextField}.
 */
export default function RichTextEditor({
  id,
  labelId,
  describedBy,
  invalid,
  required,
  disabled,
  rows,
  format,
  value,
  onChange,
  handleRef,
  focusOnMount,
}: RichTextEditorProps) {
  const { t } = useTranslation();
  // the last value this editor emitted: a `value` prop equal to it is not written back
  const emitted = useRef(value);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const editor = useEditor({
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    editable: !disabled,
    extensions: [
      StarterKit.configure({
        heading: false,
        blockquote: false,
        code: false,
        codeBlock: false,
        horizontalRule: false,
        strike: false,
        underline: false,
        link: {
          openOnClick: false,
          autolink: true,
          protocols: LINK_PROTOCOLS,
          defaultProtocol: 'https',
          isAllowedUri: (url) => SAFE_LINK.test(url.trim()),
        },
      }),
      ...(format === 'markdown' ? [Markdown] : []),
    ],
    content: value,
    ...(format === 'markdown' ? { contentType: 'markdown' as const } : {}),
    editorProps: {
      attributes: {
        id,
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': labelId,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(invalid ? { 'aria-invalid': 'true' } : {}),
        ...(required ? { 'aria-required': 'true' } : {}),
        class: 'field__control rich-text__content',
        style: `min-height: ${Math.max(rows, 2) * 1.6}em`,
      },
    },
    onUpdate: ({ editor: current }) => {
      const next = valueOf(current, format);
      emitted.current = next;
      onChangeRef.current(next);
    },
  });

  // a value set from outside (a reset after sending, a rebase) replaces the content
  useEffect(() => {
    if (value === emitted.current) return;
    emitted.current = value;
    editor.commands.setContent(value, {
      emitUpdate: false,
      ...(format === 'markdown' ? { contentType: 'markdown' as const } : {}),
    });
  }, [editor, value, format]);

  useEffect(() => {
    editor.setOptions({
      editorProps: {
        attributes: {
          id,
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-labelledby': labelId,
          ...(describedBy ? { 'aria-describedby': describedBy } : {}),
          ...(invalid ? { 'aria-invalid': 'true' } : {}),
          ...(required ? { 'aria-required': 'true' } : {}),
          class: 'field__control rich-text__content',
          style: `min-height: ${Math.max(rows, 2) * 1.6}em`,
        },
      },
    });
    editor.setEditable(!disabled);
  }, [editor, id, labelId, describedBy, invalid, required, rows, disabled]);

  useImperativeHandle(handleRef, () => ({ focus: () => editor.commands.focus() }), [editor]);
  useEffect(() => {
    // Tiptap schedules its own focus once its view is mounted; this only asks for it.
    // eslint-disable-next-line no-restricted-syntax
    if (focusOnMount.current) editor.commands.focus('end');
  }, [editor, focusOnMount]);

  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      bold: current.isActive('bold'),
      italic: current.isActive('italic'),
      bulletList: current.isActive('bulletList'),
      orderedList: current.isActive('orderedList'),
      link: current.isActive('link'),
      canUndo: current.can().undo(),
      canRedo: current.can().redo(),
    }),
  });

  const [linkOpen, setLinkOpen] = useState(false);
  const [linkUrl, setLinkUrl] = useState('');
  const [linkError, setLinkError] = useState(false);
  const linkInput = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => {
    if (linkOpen) linkInput.current?.focus();
  }, [linkOpen]);

  const applyLink = (event?: FormEvent) => {
    event?.preventDefault();
    const url = linkUrl.trim();
    if (!SAFE_LINK.test(url)) {
      setLinkError(true);
      linkInput.current?.focus();
      return;
    }
    editor.chain().focus().extendMarkRange('link').setLink({ href: url }).run();
    setLinkOpen(false);
    setLinkUrl('');
    setLinkError(false);
  };
  const closeLink = () => {
    setLinkOpen(false);
    setLinkError(false);
    editor.commands.focus();
  };

  // the toolbar is one tab stop; the arrow keys move between its buttons (WAI-ARIA toolbar)
  const toolbar = useRef<HTMLDivElement>(null);
  const [current, setCurrent] = useState(0);
  const onToolbarKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const buttons = Array.from(
      toolbar.current?.querySelectorAll<HTMLButtonElement>('button:not([disabled])') ?? [],
    );
    if (!buttons.length) return;
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    let next: number | null = null;
    if (event.key === 'ArrowRight') next = (at + 1) % buttons.length;
    else if (event.key === 'ArrowLeft') next = (at - 1 + buttons.length) % buttons.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = buttons.length - 1;
    if (next === null) return;
    event.preventDefault();
    buttons[next].focus();
    setCurrent(Number(buttons[next].dataset.index));
  };

  const button = (
    index: number,
    label: string,
    content: ReactNode,
    run: () => void,
    options: { pressed?: boolean; disabled?: boolean } = {},
  ) => (
    <button
      type="button"
      className="rich-text__button"
      data-index={index}
      tabIndex={index === current ? 0 : -1}
      aria-label={label}
      title={label}
      aria-pressed={options.pressed}
      disabled={disabled || options.disabled}
      onClick={() => {
        setCurrent(index);
        run();
      }}
    >
      <span aria-hidden="true">{content}</span>
    </button>
  );

  return (
    <div className="rich-text">
      <div
        ref={toolbar}
        role="toolbar"
        aria-label={t('editor.toolbar')}
        aria-controls={id}
        className="rich-text__toolbar"
        onKeyDown={onToolbarKey}
      >
        {button(
          0,
          t('editor.bold'),
          <strong>G</strong>,
          () => focusNow(editor).chain().toggleBold().run(),
          {
            pressed: state.bold,
          },
        )}
        {button(
          1,
          t('editor.italic'),
          <em>I</em>,
          () => focusNow(editor).chain().toggleItalic().run(),
          {
            pressed: state.italic,
          },
        )}
        {button(
          2,
          t('editor.bulletList'),
          '•',
          () => focusNow(editor).chain().toggleBulletList().run(),
          {
            pressed: state.bulletList,
          },
        )}
        {button(
          3,
          t('editor.orderedList'),
          '≡',
          () => focusNow(editor).chain().toggleOrderedList().run(),
          {
            pressed: state.orderedList,
          },
        )}
        {button(
          4,
          state.link ? t('editor.linkRemove') : t('editor.link'),
          '🔗',
          () => {
            if (state.link) editor.chain().focus().extendMarkRange('link').unsetLink().run();
            else setLinkOpen(true);
          },
          { pressed: state.link },
        )}
        {button(5, t('editor.undo'), '↶', () => editor.chain().focus().undo().run(), {
          disabled: !state.canUndo,
        })}
        {button(6, t('editor.redo'), '↷', () => editor.chain().focus().redo().run(), {
          disabled: !state.canRedo,
        })}
      </div>
      {linkOpen ? (
        <div className="rich-text__link">
          <label htmlFor={`${id}-link`}>{t('editor.linkUrl')}</label>
          <input
            id={`${id}-link`}
            ref={linkInput}
            type="url"
            className="field__control"
            value={linkUrl}
            aria-invalid={linkError ? true : undefined}
            aria-describedby={linkError ? `${id}-link-error` : undefined}
            onChange={(event) => setLinkUrl(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') applyLink(event);
              else if (event.key === 'Escape') {
                event.preventDefault();
                closeLink();
              }
            }}
          />
          {linkError ? (
            <p id={`${id}-link-error`} className="field__error">
              {t('editor.linkInvalid')}
            </p>
          ) : null}
          <div className="form__actions">
            <button type="button" className="button" onClick={() => applyLink()}>
              {t('editor.linkApply')}
            </button>
            <button type="button" className="button button--secondary" onClick={closeLink}>
              {t('editor.linkCancel')}
            </button>
          </div>
        </div>
      ) : null}
      <EditorContent editor={editor} />
    </div>
  );
}
