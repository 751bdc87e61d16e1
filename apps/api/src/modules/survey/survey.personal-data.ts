import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  type ErasedAccount,
  type PersonalDataContributor,
  PersonalDataContributorAdapter,
} from '../../platform/personal-data';

/** Survey answers. At deletion the respondent identity goes (`survey_submissions.user_id` set to null): answers stay in the results, unlinked. */
@Injectable()
@PersonalDataContributorAdapter()
export class SurveyPersonalData implements PersonalDataContributor {
  readonly order = 60;
  readonly datasets = [
    {
      name: 'survey_answers',
      description: 'Vos réponses aux enquêtes',
      columns: ['survey', 'submitted_at', 'question', 'answer'],
      sql: `SELECT sv.title AS survey, sub.created_at AS submitted_at, q.body AS question,
                   concat_ws(' ; ', a.body,
                     (SELECT string_agg(concat_ws(' : ', r.body, o.body, c.value::text, c.free_text), ' ; ' ORDER BY c.id)
                        FROM survey_answer_choices c
                        LEFT JOIN survey_question_options o ON o.id = c.option_id
                        LEFT JOIN survey_question_options r ON r.id = c.row_id
                       WHERE c.submission_id = a.submission_id AND c.question_id = a.question_id)) AS answer
              FROM survey_submissions sub JOIN surveys sv ON sv.id = sub.survey_id
              JOIN survey_answers a ON a.submission_id = sub.id JOIN survey_questions q ON q.id = a.question_id
             WHERE sub.user_id = $1 ORDER BY sub.created_at, q.position`,
    },
  ];

  async erase(manager: EntityManager, account: ErasedAccount): Promise<void> {
    await manager.query(`UPDATE survey_submissions SET user_id = NULL WHERE user_id = $1`, [
      account.id,
    ]);
  }
}
