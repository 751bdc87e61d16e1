import { useTranslation } from 'react-i18next';
import { ResourceComments } from '../../comments/components/ResourceComments';

/** « Commentaires » of a meeting (the shared comments capability): the list and a form for signed-in participants. */
export function MeetingComments({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  return (
    <ResourceComments
      commentableType="MEETING"
      commentableId={meetingId}
      headingId="meeting-comments"
      strings={{
        heading: t('meetings.comments.heading'),
        anonymous: t('meetings.comments.anonymous'),
        hidden: t('meetings.comments.hidden'),
        none: t('meetings.comments.none'),
        label: t('meetings.comments.label'),
        add: t('meetings.comments.add'),
        added: t('meetings.comments.added'),
        signIn: t('meetings.comments.signIn'),
      }}
    />
  );
}
