import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Viewer } from '../../common/access/request-context';
import { DomainError } from '../../common/errors/domain-error';
import {
  SurveyCrossTabGroupDto,
  SurveyOptionResultDto,
  SurveyQuestionResultDto,
  SurveyResultsDto,
} from './dtos/survey.dto';
import { QuestionSettings, SurveyQuestionType } from './entities/survey-question.entity';
import { REMOVED_OPTION_LABEL } from './survey-answer.service';
import { ProfileService } from '../profile/profile.service';
import { SurveyService } from './survey.service';

interface QuestionRow {
  id: string;
  position: number;
  type: SurveyQuestionType;
  body: string;
  settings: QuestionSettings;
  removed: boolean;
}
interface OptionRow {
  id: string;
  question_id: string;
  position: number;
  body: string;
  kind: 'OPTION' | 'ROW';
  removed: boolean;
}
interface CountRow {
  grp: string | null;
  question_id: string;
  option_id: string | null;
  row_id: string | null;
  point: number | null;
  n: number;
  mean_value: number | null;
}
interface ScaleRow {
  grp: string | null;
  question_id: string;
  n: number;
  mean: number;
  top2: number;
}

/** Percent with two decimals; 0 when there is nothing to divide by. */
export const percentOf = (count: number, total: number) =>
  total ? Math.round((count / total) * 10000) / 100 : 0;

/** Group of the submissions whose respondent has no profile typology (not a typology key: keys have no hyphen). */
export const NO_TYPOLOGY = '-';
const TYPOLOGY_CROSS = 'profile-typology';

/** Most text answers returned per question by `surveyResults` (the exports hold all of them). */
const TEXTS_PER_QUESTION = 200;

/**
 * Exact results of an Enquête, computed by SQL on the stored answers at each request (no
 * cache): answers per question, count and % per option or scale point, SCALE mean and top-2
 * box, matrix rows, SORTING mean ranks, and a cross-tabulation by a SINGLE_OPTION question.
 */
@Injectable()
export class SurveyResultsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly surveys: SurveyService,
    private readonly profiles: ProfileService,
  ) {}

  /**
   * Results of a survey. Access: space admins and organization admins always; anyone who
   * can see the survey once its results are published.
   * @param crossBy a SINGLE_OPTION question of the survey to break every question down by
   * @param crossByTypology break down by the respondents' profile typology instead (see
   *        {@link ProfileService.typologyOf}); space admins and organization admins only, since
   *        a small typology group could single out a respondent
   * @throws NOT_FOUND survey hidden/unknown; UNAUTHENTICATED / FORBIDDEN results not published
   *         and the caller is not an admin, or a typology breakdown asked by a non-admin;
   *         BAD_USER_INPUT crossBy is not a SINGLE_OPTION question of it, or both breakdowns asked
   */
  async results(
    surveyId: string,
    crossBy: string | null,
    viewer: Viewer | null,
    crossByTypology = false,
  ): Promise<SurveyResultsDto> {
    const survey = await this.surveys.byId(surveyId, viewer);
    if (!survey.viewerCanSeeResults)
      throw viewer
        ? DomainError.forbidden('Les résultats ne sont pas publiés.').inEnglish(
            'The results are not published.',
          )
        : DomainError.unauthenticated();
    if (crossByTypology) {
      if (crossBy)
        throw DomainError.badInput(
          'Ventilation : une question ou la typologie des profils, pas les deux.',
          { field: 'crossByTypology' },
        ).inEnglish('Breakdown: a question or the profile typology, not both.');
      if (!survey.viewerCanAdminister)
        throw viewer
          ? DomainError.forbidden(
              'La ventilation par typologie est réservée aux administrateurs de l’espace.',
            ).inEnglish('The breakdown by typology is reserved for the space’s administrators.')
          : DomainError.unauthenticated();
      return this.compute(surveyId, survey.title, null, true);
    }
    return this.compute(surveyId, survey.title, crossBy);
  }

  /** The computation behind {@link results}, without access checks (exports call it after theirs). */
  async compute(
    surveyId: string,
    title: string,
    crossBy: string | null,
    crossByTypology = false,
  ): Promise<SurveyResultsDto> {
    const q = <T>(sql: string, params: unknown[]) =>
      this.dataSource.query(sql, params) as Promise<T[]>;
    const questions = await q<QuestionRow>(
      `SELECT id, position, type, body, settings, removed_at IS NOT NULL AS removed FROM survey_questions
        WHERE survey_id = $1 AND type NOT IN ('SEPARATOR', 'TITLE_AND_DESCRIPTION')
          AND (removed_at IS NULL OR EXISTS (SELECT 1 FROM survey_answers a WHERE a.question_id = survey_questions.id))
        ORDER BY removed_at NULLS FIRST, position`,
      [surveyId],
    );
    if (crossBy) {
      const target = questions.find((x) => x.id === crossBy);
      if (!target || target.type !== 'SINGLE_OPTION')
        throw DomainError.badInput(
          'Ventilation : choisissez une question à choix unique de cette enquête.',
          { field: 'crossBy' },
        ).inEnglish('Breakdown: choose a single-choice question of this survey.');
    }
    const [{ n: submissions }] = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM survey_submissions WHERE survey_id = $1`,
      [surveyId],
    );
    const options = await q<OptionRow>(
      `SELECT o.id, o.question_id, o.position, o.body, o.kind, o.removed_at IS NOT NULL AS removed
         FROM survey_question_options o JOIN survey_questions q ON q.id = o.question_id WHERE q.survey_id = $1
        ORDER BY o.removed_at NULLS FIRST, o.position`,
      [surveyId],
    );
    // by typology: each submission's group is its respondent's profile typology (asked of the
    // profile feature), NO_TYPOLOGY for anonymous answers, deleted accounts and members without one
    let typologyGroups: { id: string; label: string }[] = [];
    let typologyParams: [string[], string[]] | null = null;
    if (crossByTypology) {
      const submitted = await q<{ id: string; user_id: string | null }>(
        `SELECT id, user_id FROM survey_submissions WHERE survey_id = $1`,
        [surveyId],
      );
      const typologyOfUser = await this.profiles.typologyOf(
        submitted.flatMap((s) => (s.user_id ? [s.user_id] : [])),
      );
      const keys = submitted.map(
        (s) => (s.user_id ? typologyOfUser.get(s.user_id) : null) ?? NO_TYPOLOGY,
      );
      typologyParams = [submitted.map((s) => s.id), keys];
      const used = new Set(keys);
      typologyGroups = [
        ...(await this.profiles.typologies(true))
          .filter((t) => !t.archived || used.has(t.key))
          .map((t) => ({ id: t.key, label: t.label })),
        { id: NO_TYPOLOGY, label: 'Typologie non renseignée' },
      ];
    }
    // totals over every submission; with crossBy, the same aggregates grouped by the option chosen there (grp)
    const aggregates = async (cross: string | null) => {
      const byTypology = cross === TYPOLOGY_CROSS;
      const grp = byTypology ? 'x.grp' : cross ? 'x.option_id::text' : 'NULL::text';
      const join = byTypology
        ? 'JOIN unnest($2::bigint[], $3::text[]) AS x(submission_id, grp) ON x.submission_id = a.submission_id'
        : cross
          ? 'JOIN survey_answer_choices x ON x.submission_id = a.submission_id AND x.question_id = $2'
          : '';
      const params = byTypology
        ? [surveyId, ...typologyParams!]
        : cross
          ? [surveyId, cross]
          : [surveyId];
      const answered = await q<{ grp: string | null; question_id: string; n: number }>(
        `SELECT ${grp} AS grp, a.question_id, count(*)::int AS n
           FROM survey_answers a JOIN survey_questions qq ON qq.id = a.question_id ${join}
          WHERE qq.survey_id = $1 GROUP BY 1, 2`,
        params,
      );
      const counts = await q<CountRow>(
        `SELECT ${grp} AS grp, a.question_id, a.option_id, a.row_id, CASE WHEN a.option_id IS NULL THEN a.value END AS point,
                count(*)::int AS n, avg(a.value)::float AS mean_value
           FROM survey_answer_choices a JOIN survey_questions qq ON qq.id = a.question_id ${join}
          WHERE qq.survey_id = $1 GROUP BY 1, 2, 3, 4, 5`,
        params,
      );
      const scales = await q<ScaleRow>(
        `SELECT ${grp} AS grp, a.question_id, count(*)::int AS n, avg(a.value)::float AS mean,
                count(*) FILTER (WHERE a.value >= (qq.settings->'scale'->>'points')::int - 1)::int AS top2
           FROM survey_answer_choices a JOIN survey_questions qq ON qq.id = a.question_id ${join}
          WHERE qq.survey_id = $1 AND qq.type = 'SCALE' GROUP BY 1, 2`,
        params,
      );
      return { answered, counts, scales };
    };
    const totals = await aggregates(null);
    const groups =
      crossBy || crossByTypology
        ? await aggregates(crossByTypology ? TYPOLOGY_CROSS : crossBy)
        : { answered: [], counts: [], scales: [] };
    const answered = [...totals.answered, ...groups.answered];
    const counts = [...totals.counts, ...groups.counts];
    const scales = [...totals.scales, ...groups.scales];
    const rowAnswers = await q<{ question_id: string; row_id: string; n: number }>(
      `SELECT a.question_id, a.row_id, count(DISTINCT a.submission_id)::int AS n
         FROM survey_answer_choices a JOIN survey_questions qq ON qq.id = a.question_id
        WHERE qq.survey_id = $1 AND a.row_id IS NOT NULL GROUP BY 1, 2`,
      [surveyId],
    );
    const texts = await q<{ question_id: string; body: string }>(
      `SELECT question_id, body FROM (
         SELECT question_id, body, row_number() OVER (PARTITION BY question_id ORDER BY submission_id DESC, k DESC) AS r FROM (
           -- text answers, and the free texts of options that take one (« Autre : … »)
           SELECT a.question_id, a.submission_id, a.body, 0 AS k
             FROM survey_answers a JOIN survey_questions qq ON qq.id = a.question_id
            WHERE qq.survey_id = $1 AND a.body IS NOT NULL
           UNION ALL
           SELECT c.question_id, c.submission_id, c.free_text, 1
             FROM survey_answer_choices c JOIN survey_questions qq ON qq.id = c.question_id
            WHERE qq.survey_id = $1 AND c.free_text IS NOT NULL AND c.free_text <> '') s) t
        WHERE r <= ${TEXTS_PER_QUESTION} ORDER BY question_id, r DESC`,
      [surveyId],
    );

    const isTotal = (r: { grp: string | null }) => r.grp === null;
    const groupOptions = crossByTypology
      ? typologyGroups.map((g) => ({ id: g.id, body: g.label, removed: false }))
      : crossBy
        ? options.filter((o) => o.question_id === crossBy && o.kind === 'OPTION')
        : [];
    const optionResults = (
      question: QuestionRow,
      total: number,
      rows: CountRow[],
      rowId: string | null,
    ): SurveyOptionResultDto[] => {
      if (question.type === 'SCALE') {
        const scale = question.settings.scale ?? { points: 0, labels: [] };
        return Array.from({ length: scale.points }, (_, i) => {
          const count = rows.find((r) => r.point === i + 1)?.n ?? 0;
          return {
            optionId: null,
            value: i + 1,
            label: `${i + 1} ${scale.labels[i] ?? ''}`.trim(),
            removed: false,
            count,
            percent: percentOf(count, total),
            meanRank: null,
          };
        });
      }
      return options
        .filter((o) => o.question_id === question.id && o.kind === 'OPTION')
        .map((o) => {
          const hit = rows.filter(
            (r) => r.option_id === o.id && (rowId === null || r.row_id === rowId),
          );
          const count = hit.reduce((sum, r) => sum + r.n, 0);
          return {
            optionId: o.id,
            value: null,
            label: o.removed ? `${REMOVED_OPTION_LABEL} ${o.body}` : o.body,
            removed: o.removed,
            count,
            percent: percentOf(count, total),
            meanRank: question.type === 'SORTING' && hit.length ? hit[0].mean_value : null,
          };
        })
        .filter((o) => !o.removed || o.count > 0);
    };

    const result: SurveyQuestionResultDto[] = questions.map((question) => {
      const total = answered.find((r) => isTotal(r) && r.question_id === question.id)?.n ?? 0;
      const mine = counts.filter((r) => isTotal(r) && r.question_id === question.id);
      const scale = scales.find((r) => isTotal(r) && r.question_id === question.id);
      const rows = options
        .filter((o) => o.question_id === question.id && o.kind === 'ROW')
        .filter((o) => !o.removed || rowAnswers.some((r) => r.row_id === o.id))
        .map((o) => {
          const n = rowAnswers.find((r) => r.row_id === o.id)?.n ?? 0;
          return {
            rowId: o.id,
            label: o.removed ? `${REMOVED_OPTION_LABEL} ${o.body}` : o.body,
            answers: n,
            options: optionResults(question, n, mine, o.id),
          };
        });
      const crossTab: SurveyCrossTabGroupDto[] = groupOptions.map((g) => {
        const n = answered.find((r) => r.grp === g.id && r.question_id === question.id)?.n ?? 0;
        const s = scales.find((r) => r.grp === g.id && r.question_id === question.id);
        return {
          groupOptionId: g.id,
          groupLabel: g.removed ? `${REMOVED_OPTION_LABEL} ${g.body}` : g.body,
          answers: n,
          options: optionResults(
            question,
            n,
            counts.filter((r) => r.grp === g.id && r.question_id === question.id),
            null,
          ),
          mean: s ? s.mean : null,
          agreementPercent: s ? percentOf(s.top2, s.n) : null,
        };
      });
      return {
        questionId: question.id,
        position: question.position,
        type: question.type,
        body: question.body,
        removed: question.removed,
        answers: total,
        options:
          question.type === 'SHORT_ANSWER' || question.type === 'LONG_ANSWER'
            ? []
            : optionResults(question, total, mine, null),
        rows,
        mean: scale ? scale.mean : null,
        agreementPercent: scale ? percentOf(scale.top2, scale.n) : null,
        texts: texts.filter((t) => t.question_id === question.id).map((t) => t.body),
        crossTab,
      };
    });
    return { surveyId, title, submissions, crossBy, crossByTypology, questions: result };
  }
}
