import { Injectable } from '@nestjs/common';
import {
  type PersonalDataContributor,
  PersonalDataContributorAdapter,
} from '../../platform/personal-data';

/**
 * News posts the member signed or wrote. At account deletion they stay public (a post is the
 * space's communication): the users row then reads « Participant supprimé »; nothing to erase.
 */
@Injectable()
@PersonalDataContributorAdapter()
export class NewsPersonalData implements PersonalDataContributor {
  readonly order = 95;

  readonly datasets = [
    {
      name: 'news_posts',
      description: 'Les actualités que vous avez signées ou rédigées',
      columns: ['post_id', 'title', 'signed', 'published_at', 'created_at'],
      sql: `SELECT p.id AS post_id, p.title, (p.author_user_id = $1) AS signed, p.published_at, p.created_at
              FROM news_posts p WHERE p.author_user_id = $1 OR p.created_by = $1 ORDER BY p.created_at, p.id`,
    },
  ];
}
