import '../news.css';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useMe } from '../../auth/hooks/useMe';
import { COMPONENT_QUERY, COMPONENT_SPACE_QUERY } from '../../components/graphql/components';
import { FollowButton } from '../../notifications/components/FollowButton';
import { ReportForm } from '../../moderation/components/ReportForm';
import { Breadcrumb } from '../../ui/components/Breadcrumb';
import { DateTime } from '../../ui/components/DateTime';
import { Loading } from '../../ui/components/Loading';
import { QueryErrorView } from '../../ui/components/QueryErrorView';
import { SafeHtml } from '../../ui/components/SafeHtml';
import { useDocumentTitle } from '../../ui/hooks/useDocumentTitle';
import { NEWS_POST_QUERY } from '../graphql/news';
import { NewsComments } from './NewsComments';
import { UserText } from '../../ui/components/UserText';
import { CONTENT_LANGUAGE } from '../../ui/content-language';

/** `/espaces/:slug/f/:componentId/actualites/:postId`: a news post — date, author, image, text, comments. */
export function NewsPage() {
  const { slug = '', componentId = '', postId = '' } = useParams();
  const { t } = useTranslation();
  const { me } = useMe();
  const space = useQuery(COMPONENT_SPACE_QUERY, { variables: { slug } });
  const component = useQuery(COMPONENT_QUERY, { variables: { id: componentId } });
  const { data, error, refetch } = useQuery(NEWS_POST_QUERY, { variables: { id: postId } });
  const post = data?.newsPost;
  useDocumentTitle(post ? post.title : error ? null : t('common.loading'));
  if (error && !post) return <QueryErrorView error={error} onRetry={() => void refetch()} />;
  if (!post || !space.data || !component.data) return <Loading page />;
  const s = space.data.space;
  const isProcess = s.type === 'PROCESS';
  return (
    <article className="page" aria-labelledby="page-title">
      <Breadcrumb
        trail={[
          {
            to: isProcess ? '/concertations' : '/assemblees',
            label: t(isProcess ? 'layout.nav.processes' : 'layout.nav.assemblies'),
          },
          { to: `/espaces/${s.slug}`, label: <UserText>{s.title}</UserText> },
          {
            to: `/espaces/${s.slug}/f/${componentId}`,
            label: <UserText>{component.data.component.title}</UserText>,
          },
        ]}
        current={<UserText>{post.title}</UserText>}
      />
      <header className="page__header">
        <p className="eyebrow">{t('news.eyebrow')}</p>
        <h1 id="page-title" lang={CONTENT_LANGUAGE}>
          {post.title}
        </h1>
        <p className="lead">
          <DateTime iso={post.publishedAt} /> · {t('news.by', { name: post.authorName })}
        </p>
        {post.status === 'SCHEDULED' ? (
          <p>
            <span className="badge badge--scheduled">{t('news.scheduled')}</span>
          </p>
        ) : null}
      </header>
      {me ? (
        <FollowButton
          type="NEWS_POST"
          id={post.id}
          following={post.viewerFollows}
          refetchQueries={['NewsPost']}
          labels={{
            follow: t('news.follow.follow'),
            unfollow: t('news.follow.unfollow'),
            followed: t('news.follow.followed'),
            unfollowed: t('news.follow.unfollowed'),
          }}
        />
      ) : null}
      {post.imageUrl ? (
        <figure className="news-image">
          <img src={post.imageUrl} alt={post.imageAlt} />
        </figure>
      ) : null}
      {post.body ? <SafeHtml html={post.body} className="prose" /> : null}
      {me ? (
        <ReportForm
          resourceType="NEWS_POST"
          resourceId={post.id}
          target={post.title}
          reported={post.viewerReported}
          refetchQueries={['NewsPost']}
        />
      ) : null}
      <NewsComments postId={post.id} />
    </article>
  );
}
