import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/components/FeedbackMessages';
import { Loading } from '../../ui/components/Loading';
import { errorMessage, parseApiError } from '../../ui/utils/apiError';
import { ASSEMBLY_MEMBERS_QUERY } from '../graphql/spaces';
import { useCollegeName } from '../../assembly/hooks/useCollegeName';

/** The current members of an assembly: name, position, college, weight. */
export function MemberList({ spaceId }: { spaceId: string }) {
  const { t, i18n } = useTranslation();
  const collegeName = useCollegeName();
  const { data, loading, error } = useQuery(ASSEMBLY_MEMBERS_QUERY, { variables: { spaceId } });
  if (error && !data)
    return <ErrorAlert message={errorMessage(parseApiError(error), t, i18n.language)} />;
  if (loading && !data) return <Loading />;
  const members = data?.assemblyMembers ?? [];
  if (members.length === 0) return <p>{t('spaces.noMembers')}</p>;
  return (
    <ul className="members">
      {members.map((member) => (
        <li key={member.id} className="member">
          <span className="member__name">{member.userName}</span>
          {' — '}
          <span>{t(`spaces.position.${member.position}`)}</span>
          {member.college ? (
            <span>{`, ${t('spaces.college', { college: collegeName(member.college) })}`}</span>
          ) : null}
          {member.weight !== 1 ? (
            <span>{`, ${t('spaces.weight', { weight: member.weight })}`}</span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
