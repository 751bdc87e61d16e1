import { useMutation } from '@apollo/client/react';
import { ProfileRules } from '@concerto/domain';
import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { useFeedback } from '../../ui/hooks/useFeedback';
import { REMOVE_MY_AVATAR_MUTATION } from '../graphql/members';

/** The avatar upload endpoint of the API (the image itself as the body; answers `{ avatarUrl }`). */
const AVATAR_UPLOAD_PATH = '/avatars';

/**
 * Sends an image as the caller’s new avatar (`POST /avatars`, session cookie).
 * @param file the chosen image
 * @returns the new avatar’s path, or the API’s `reason` (`AVATAR_TOO_LARGE`, `AVATAR_NOT_IMAGE`) or `FAILED`
 */
async function uploadAvatar(file: Blob): Promise<{ avatarUrl: string } | { reason: string }> {
  try {
    const response = await fetch(AVATAR_UPLOAD_PATH, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': file.type || 'application/octet-stream' },
      body: file,
    });
    const body = (await response.json().catch(() => ({}))) as {
      avatarUrl?: string;
      reason?: string;
    };
    if (response.ok && body.avatarUrl) return { avatarUrl: body.avatarUrl };
    return { reason: body.reason ?? 'FAILED' };
  } catch {
    return { reason: 'FAILED' };
  }
}

interface AvatarFieldProps {
  avatarUrl: string | null;
  /** Called after an upload or a removal (the profile is read again). */
  onChanged: () => Promise<unknown>;
}

/**
 * « Photo »: the current avatar, a file input with a preview of the chosen image before it is
 * sent, and « Retirer ma photo ». Size and type are checked here first, then by the API (which
 * resizes it and strips its metadata); its refusals are shown on the field.
 */
export function AvatarField({ avatarUrl, onChanged }: AvatarFieldProps) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [removeAvatar] = useMutation(REMOVE_MY_AVATAR_MUTATION);

  useEffect(() => {
    if (!file) {
      setPreview(null);
      return undefined;
    }
    const url = URL.createObjectURL(file);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);

  const reasonMessage = (reason: string) =>
    reason === 'AVATAR_TOO_LARGE'
      ? t('members.profile.avatarTooLarge')
      : reason === 'AVATAR_NOT_IMAGE'
        ? t('members.profile.avatarNotImage')
        : t('members.profile.avatarFailed');

  function choose(event: ChangeEvent<HTMLInputElement>) {
    feedback.clear();
    const chosen = event.target.files?.[0] ?? null;
    if (chosen && chosen.size > ProfileRules.avatarMaxBytes) {
      setError(reasonMessage('AVATAR_TOO_LARGE'));
      setFile(null);
      return;
    }
    if (chosen && chosen.type && !chosen.type.startsWith('image/')) {
      setError(reasonMessage('AVATAR_NOT_IMAGE'));
      setFile(null);
      return;
    }
    setError(null);
    setFile(chosen);
  }

  function cancel() {
    setFile(null);
    setError(null);
    if (inputRef.current) {
      inputRef.current.value = '';
      inputRef.current.focus();
    }
  }

  async function upload() {
    if (!file) return;
    setBusy(true);
    feedback.clear();
    const result = await uploadAvatar(file);
    if ('reason' in result) {
      setBusy(false);
      setError(reasonMessage(result.reason));
      inputRef.current?.focus();
      return;
    }
    await onChanged();
    setBusy(false);
    setFile(null);
    if (inputRef.current) inputRef.current.value = '';
    inputRef.current?.focus();
    feedback.succeed(t('members.profile.avatarUploaded'));
  }

  async function remove() {
    setBusy(true);
    feedback.clear();
    try {
      await removeAvatar();
      await onChanged();
      feedback.succeed(t('members.profile.avatarRemoved'));
    } catch (caught) {
      feedback.fail(caught);
    } finally {
      setBusy(false);
      inputRef.current?.focus();
    }
  }

  const described = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <fieldset className="members-avatar">
      <legend>{t('members.profile.avatar')}</legend>
      <div className="members-avatar__images">
        {avatarUrl ? (
          <figure className="members-avatar__figure">
            <img
              src={avatarUrl}
              alt={t('members.profile.avatarCurrent')}
              width={96}
              height={96}
              className="members-avatar__image"
            />
          </figure>
        ) : (
          <p className="muted">{t('members.profile.avatarNone')}</p>
        )}
        {preview ? (
          <figure className="members-avatar__figure">
            <img
              src={preview}
              alt={t('members.profile.avatarPreview')}
              width={96}
              height={96}
              className="members-avatar__image"
            />
          </figure>
        ) : null}
      </div>
      <div className={['field', error ? 'field--invalid' : ''].filter(Boolean).join(' ')}>
        <label htmlFor={id} className="field__label">
          {t('members.profile.avatarChoose')}
        </label>
        <p id={`${id}-hint`} className="field__hint">
          {t('members.profile.avatarHint')}
        </p>
        {error ? (
          <p id={`${id}-error`} className="field__error">
            {error}
          </p>
        ) : null}
        <input
          ref={inputRef}
          id={id}
          type="file"
          name="avatar"
          accept={ProfileRules.avatarFormats.map((format) => `image/${format}`).join(',')}
          className="field__control"
          aria-invalid={error ? true : undefined}
          aria-describedby={described}
          onChange={choose}
        />
      </div>
      <FeedbackMessages feedback={feedback} />
      <div className="actions">
        {file ? (
          <>
            <button
              type="button"
              className="button button--primary"
              onClick={() => void upload()}
              disabled={busy}
            >
              {t('members.profile.avatarUpload')}
            </button>
            <button type="button" className="button" onClick={cancel} disabled={busy}>
              {t('members.profile.avatarCancel')}
            </button>
          </>
        ) : null}
        {avatarUrl && !file ? (
          <button type="button" className="button" onClick={() => void remove()} disabled={busy}>
            {t('members.profile.avatarRemove')}
          </button>
        ) : null}
      </div>
    </fieldset>
  );
}
