import { useMutation, useQuery } from '@apollo/client/react';
import { FieldVisibility, ProfileRules, type ProfileField } from '@concerto/domain';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert, FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { SelectField, TextAreaField, TextField } from '../../ui/components/Fields';
import { Loading } from '../../ui/components/Loading';
import { ErrorSummary, useErrorSummary } from '../../ui/feedback/ErrorSummary';
import { problemsOf, textProblem } from '../../ui/feedback/fieldChecks';
import { useFeedback } from '../../ui/hooks/useFeedback';
import { errorMessage, parseApiError } from '../../ui/utils/apiError';
import {
  MEMBER_TYPOLOGIES_QUERY,
  MY_PROFILE_QUERY,
  UPDATE_MY_PROFILE_MUTATION,
  type MemberProfile,
  type ProfileVisibility,
  type UpdateMyProfileInput,
} from '../graphql/members';
import '../profiles.css';
import { AvatarField } from './AvatarField';
import { OrganisationField } from './OrganisationField';

type Visibilities = Omit<ProfileVisibility, '__typename'>;

/**
 * The form's values: each text field of the API's `UpdateMyProfileInput` as its input holds it
 * (`typologyKey` '' for « Aucune », sent as null), and every field's visibility.
 */
type Draft = Record<Exclude<keyof UpdateMyProfileInput, 'visibility'>, string> & {
  visibility: Visibilities;
};

function draftOf(profile: MemberProfile): Draft {
  const visibility = profile.visibility ?? {
    organisation: 'PUBLIC',
    typology: 'PUBLIC',
    roleTitle: 'PUBLIC',
    bio: 'PUBLIC',
    avatar: 'PUBLIC',
    website: 'PUBLIC',
  };
  return {
    pseudo: profile.pseudo,
    organisation: profile.organisation ?? '',
    typologyKey: profile.typology?.key ?? '',
    roleTitle: profile.roleTitle ?? '',
    bio: profile.bio ?? '',
    website: profile.website ?? '',
    visibility: {
      organisation: visibility.organisation,
      typology: visibility.typology,
      roleTitle: visibility.roleTitle,
      bio: visibility.bio,
      avatar: visibility.avatar,
      website: visibility.website,
    },
  };
}

/** Trimmed text, or null to clear the field. */
const orNull = (text: string) => text.trim() || null;

/** « Mon profil » in « Mon compte »: loads the caller’s profile, then shows the form. */
export function ProfileSection() {
  const { t, i18n } = useTranslation();
  const { data, loading, error, refetch } = useQuery(MY_PROFILE_QUERY, {
    fetchPolicy: 'network-only',
  });
  const typologies = useQuery(MEMBER_TYPOLOGIES_QUERY, { variables: { includeArchived: false } });
  const profile = data?.myProfile;
  return (
    <section className="account-section" aria-labelledby="account-profile">
      <h2 id="account-profile">{t('members.profile.title')}</h2>
      {loading && !profile ? (
        <Loading />
      ) : profile ? (
        <>
          <p>
            {t('members.profile.intro', { pseudo: profile.pseudo })}{' '}
            <Link to={`/membres/${profile.pseudo}`}>{t('members.profile.viewPage')}</Link>
          </p>
          <AvatarField avatarUrl={profile.avatarUrl} onChanged={() => refetch()} />
          <ProfileForm
            key={profile.userId}
            profile={profile}
            typologies={typologies.data?.memberTypologies ?? []}
          />
        </>
      ) : error ? (
        <ErrorAlert message={errorMessage(parseApiError(error), t, i18n.language)} />
      ) : null}
    </section>
  );
}

interface ProfileFormProps {
  profile: MemberProfile;
  typologies: ReadonlyArray<{ key: string; label: string }>;
}

/**
 * The profile form: pseudo, organisation (with suggestions), typology (« Aucune » = null), role,
 * bio, website, and who sees each field. The pseudo and the lengths are checked before sending;
 * each problem, and each field the API refuses (`extensions.fields` or `extensions.field`), is
 * shown on its field, with focus on the error summary.
 */
export function ProfileForm({ profile, typologies }: ProfileFormProps) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const [draft, setDraft] = useState<Draft>(() => draftOf(profile));
  const summary = useErrorSummary();
  const prefix = useId();
  /** The form's fields, by the API's input key. */
  const fields = {
    pseudo: { id: `${prefix}-pseudo`, label: t('members.profile.pseudo') },
    organisation: { id: `${prefix}-organisation`, label: t('members.profile.organisation') },
    typologyKey: { id: `${prefix}-typology`, label: t('members.profile.typology') },
    roleTitle: { id: `${prefix}-role`, label: t('members.profile.roleTitle') },
    bio: { id: `${prefix}-bio`, label: t('members.profile.bio') },
    website: { id: `${prefix}-website`, label: t('members.profile.website') },
  };
  const [save, { loading }] = useMutation(UPDATE_MY_PROFILE_MUTATION);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));
  const setVisibility = (field: ProfileField, value: FieldVisibility) =>
    setDraft((current) => ({ ...current, visibility: { ...current.visibility, [field]: value } }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    feedback.clear();
    const pseudo = draft.pseudo.trim().toLowerCase();
    const problems = problemsOf(
      !pseudo
        ? { fieldId: fields.pseudo.id, message: t('members.profile.pseudoRequired') }
        : !ProfileRules.pseudoPattern.test(pseudo) && {
            fieldId: fields.pseudo.id,
            message: t('members.profile.pseudoInvalid'),
          },
      textProblem(t, fields.organisation, draft.organisation, {
        max: ProfileRules.organisationMaxLength,
      }),
      textProblem(t, fields.roleTitle, draft.roleTitle, { max: ProfileRules.roleTitleMaxLength }),
      textProblem(t, fields.bio, draft.bio, { max: ProfileRules.bioMaxLength }),
      textProblem(t, fields.website, draft.website, { max: ProfileRules.websiteMaxLength }),
    );
    summary.report(problems);
    if (problems.length > 0) return;
    try {
      const result = await save({
        variables: {
          input: {
            pseudo,
            organisation: orNull(draft.organisation),
            typologyKey: draft.typologyKey || null,
            roleTitle: orNull(draft.roleTitle),
            bio: orNull(draft.bio),
            website: orNull(draft.website),
            visibility: draft.visibility,
          },
        },
        // the page's own copy (« Voir ma page de membre », the intro's pseudo) is current
        // before « Profil enregistré. » is said
        refetchQueries: ['MyProfile'],
        awaitRefetchQueries: true,
      });
      if (result.data) setDraft(draftOf(result.data.updateMyProfile));
      feedback.succeed(t('members.profile.saved'));
    } catch (caught) {
      if (!summary.reportApiError(caught, fields)) feedback.fail(caught);
    }
  }

  const visibilityOptions = Object.values(FieldVisibility).map((value) => ({
    value,
    label: t(`members.profile.visibility.${value}`),
  }));
  const visibilitySelect = (field: ProfileField) => (
    <SelectField
      label={t(`members.profile.visibilityOf.${field}`)}
      name={`visibility.${field}`}
      options={visibilityOptions}
      value={draft.visibility[field]}
      onChange={(event) => setVisibility(field, event.target.value as FieldVisibility)}
    />
  );
  const current = profile.typology;
  const typologyOptions = [
    { value: '', label: t('members.profile.typologyNone') },
    ...typologies.map((typology) => ({ value: typology.key, label: typology.label })),
    ...(current && !typologies.some((typology) => typology.key === current.key)
      ? [
          {
            value: current.key,
            label: t('members.profile.typologyArchived', { label: current.label }),
          },
        ]
      : []),
  ];

  return (
    <form
      className="form members-profile-form"
      noValidate
      onSubmit={submit}
      aria-busy={loading || undefined}
      aria-labelledby="account-profile"
    >
      <ErrorSummary state={summary} />
      <TextField
        {...summary.fieldProps(fields.pseudo)}
        hint={t('members.profile.pseudoHint')}
        name="pseudo"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        maxLength={ProfileRules.pseudoMaxLength}
        required
        value={draft.pseudo}
        onChange={(event) => set('pseudo', event.target.value)}
      />
      <div className="members-profile-form__pair">
        <OrganisationField
          {...summary.fieldProps(fields.organisation.id)}
          value={draft.organisation}
          onChange={(value) => set('organisation', value)}
          maxLength={ProfileRules.organisationMaxLength}
        />
        {visibilitySelect('organisation')}
      </div>
      <div className="members-profile-form__pair">
        <SelectField
          {...summary.fieldProps(fields.typologyKey)}
          hint={t('members.profile.typologyHint')}
          name="typologyKey"
          options={typologyOptions}
          value={draft.typologyKey}
          onChange={(event) => set('typologyKey', event.target.value)}
        />
        {visibilitySelect('typology')}
      </div>
      <div className="members-profile-form__pair">
        <TextField
          {...summary.fieldProps(fields.roleTitle)}
          name="roleTitle"
          autoComplete="organization-title"
          maxLength={ProfileRules.roleTitleMaxLength}
          value={draft.roleTitle}
          onChange={(event) => set('roleTitle', event.target.value)}
        />
        {visibilitySelect('roleTitle')}
      </div>
      <div className="members-profile-form__pair">
        <TextAreaField
          {...summary.fieldProps(fields.bio)}
          hint={t('members.profile.bioHint')}
          name="bio"
          rows={4}
          maxLength={ProfileRules.bioMaxLength}
          value={draft.bio}
          onChange={(event) => set('bio', event.target.value)}
        />
        {visibilitySelect('bio')}
      </div>
      <div className="members-profile-form__pair">
        <TextField
          {...summary.fieldProps(fields.website)}
          hint={t('members.profile.websiteHint')}
          name="website"
          type="url"
          inputMode="url"
          autoComplete="url"
          maxLength={ProfileRules.websiteMaxLength}
          value={draft.website}
          onChange={(event) => set('website', event.target.value)}
        />
        {visibilitySelect('website')}
      </div>
      {visibilitySelect('avatar')}
      <FeedbackMessages feedback={feedback} />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={loading}>
          {t('members.profile.save')}
        </button>
      </div>
    </form>
  );
}
