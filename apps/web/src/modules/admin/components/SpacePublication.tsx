import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { useFeedback } from '../../ui/hooks/useFeedback';
import { DELETE_SPACE_MUTATION, UPDATE_SPACE_MUTATION, type AdminSpace } from '../graphql/admin';
import { ConfirmDeleteButton } from './ConfirmDeleteButton';

/** Publish / unpublish the space; delete it (organisation admins). */
export function SpacePublication({ space, canDelete }: { space: AdminSpace; canDelete: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const feedback = useFeedback();
  const [updateSpace, { loading }] = useMutation(UPDATE_SPACE_MUTATION, {
    refetchQueries: ['AdminSpaces', 'Spaces'],
  });
  const [deleteSpace] = useMutation(DELETE_SPACE_MUTATION);

  async function togglePublished() {
    feedback.clear();
    try {
      const result = await updateSpace({
        variables: { id: space.id, input: { published: !space.published } },
      });
      feedback.succeed(
        t(result.data?.updateSpace.published ? 'admin.spacePublished' : 'admin.spaceUnpublished'),
      );
    } catch (error) {
      feedback.fail(error);
    }
  }

  async function remove() {
    feedback.clear();
    try {
      await deleteSpace({
        variables: { id: space.id },
        update: (cache) => {
          cache.evict({ id: cache.identify({ __typename: 'ParticipatorySpace', id: space.id }) });
          cache.evict({ fieldName: 'spaces' });
          cache.evict({ fieldName: 'surveys' });
          cache.gc();
        },
      });
      navigate('/admin', { state: { flash: t('admin.spaceDeleted', { title: space.title }) } });
    } catch (error) {
      feedback.fail(error);
    }
  }

  return (
    <section aria-labelledby="space-publication" className="panel">
      <h2 id="space-publication">{t('admin.publicationHeading')}</h2>
      <p>
        {t('admin.publicationState', {
          state: t(space.published ? 'common.published' : 'common.unpublished'),
        })}
      </p>
      <div className="actions">
        <button
          type="button"
          className="button"
          onClick={() => void togglePublished()}
          disabled={loading}
        >
          {t(space.published ? 'admin.unpublishSpace' : 'admin.publishSpace')}
        </button>
        {canDelete ? (
          <ConfirmDeleteButton
            label={t('admin.deleteSpace')}
            name={space.title}
            onConfirm={remove}
          />
        ) : null}
      </div>
      <FeedbackMessages feedback={feedback} />
    </section>
  );
}
