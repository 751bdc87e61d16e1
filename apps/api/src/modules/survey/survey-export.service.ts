import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { SurveyResultsDto } from './dtos/survey.dto';
import { REMOVED_OPTION_LABEL } from './survey-answer.service';
import { SurveyResultsService } from './survey-results.service';

/** Submissions read per SELECT while exporting. */
export const EXPORT_BATCH_SIZE = 2000;

/** The export's columns: header cells, question ids in column order, option and row labels. */
export interface ExportColumns {
  title: string;
  header: string[];
  questionIds: string[];
  types: Map<string, string>;
  labels: Map<string, string>;
}

interface ChoiceRow { submission_id: string; question_id: string; option_id: string | null; row_id: string | null; value: number | null; free_text: string | null }

/**
 * Raw answers of a survey as table rows, read in keyset batches of {@link EXPORT_BATCH_SIZE}
 * submissions (`id > last ORDER BY id LIMIT n`), so a 250,000-answer export never holds more
 * than one batch in memory. Callers check access first (the controller's policy).
 */
@Injectable()
export class SurveyExportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly resultsService: SurveyResultsService,
  ) {}

  /**
   * Header and labels of a survey's export: submission, date, version, respondent kind, then
   * one column per answerable question (current ones in order, then removed ones).
   * @throws NOT_FOUND unknown survey
   */
  async columns(surveyId: string): Promise<ExportColumns> {
    const [survey] = await this.dataSource.query(`SELECT title FROM surveys WHERE id = $1`, [surveyId]);
    if (!survey) throw DomainError.notFound('Enquête', { surveyId });
    const questions: { id: string; type: string; body: string; removed: boolean }[] = await this.dataSource.query(
      `SELECT id, type, body, removed_at IS NOT NULL AS removed FROM survey_questions
        WHERE survey_id = $1 AND type NOT IN ('SEPARATOR', 'TITLE_AND_DESCRIPTION') ORDER BY removed_at NULLS FIRST, position`,
      [surveyId],
    );
    const options: { id: string; body: string; removed: boolean }[] = await this.dataSource.query(
      `SELECT o.id, o.body, o.removed_at IS NOT NULL AS removed FROM survey_question_options o JOIN survey_questions q ON q.id = o.question_id WHERE q.survey_id = $1`,
      [surveyId],
    );
    return {
      title: survey.title,
      header: ['réponse', 'date', 'version', 'répondant', ...questions.map((q, i) => `${i + 1}. ${q.removed ? '(question supprimée) ' : ''}${q.body}`)],
      questionIds: questions.map((q) => q.id),
      types: new Map(questions.map((q) => [q.id, q.type])),
      labels: new Map(options.map((o) => [o.id, o.removed ? `${REMOVED_OPTION_LABEL} ${o.body}` : o.body])),
    };
  }

  /**
   * Yields the export's rows, one batch of submissions at a time.
   * @returns an async iterator of row batches (cells as strings or numbers)
   */
  async *batches(surveyId: string, columns: ExportColumns): AsyncGenerator<(string | number)[][]> {
    let after = '0';
    for (;;) {
      const submissions: { id: string; created_at: Date; survey_version: number; anonymous: boolean }[] = await this.dataSource.query(
        `SELECT id, created_at, survey_version, user_id IS NULL AS anonymous FROM survey_submissions
          WHERE survey_id = $1 AND id > $2 ORDER BY id LIMIT ${EXPORT_BATCH_SIZE}`,
        [surveyId, after],
      );
      if (!submissions.length) return;
      const ids = submissions.map((x) => x.id);
      // primary-key lookups of this batch's submissions only (no join, no scan of the survey's other submissions)
      const texts: { submission_id: string; question_id: string; body: string }[] = await this.dataSource.query(
        `SELECT submission_id, question_id, body FROM survey_answers WHERE submission_id = ANY($1::bigint[]) AND body IS NOT NULL`,
        [ids],
      );
      const choices: ChoiceRow[] = await this.dataSource.query(
        `SELECT submission_id, question_id, option_id, row_id, value, free_text FROM survey_answer_choices
          WHERE submission_id = ANY($1::bigint[]) ORDER BY id`,
        [ids],
      );
      const cells = new Map<string, string[]>(); // `${submission}:${question}` → parts
      const push = (key: string, part: string) => {
        const list = cells.get(key);
        if (list) list.push(part);
        else cells.set(key, [part]);
      };
      for (const t of texts) push(`${t.submission_id}:${t.question_id}`, t.body);
      for (const c of choices) {
        const type = columns.types.get(c.question_id);
        const label = c.option_id ? (columns.labels.get(c.option_id) ?? REMOVED_OPTION_LABEL) : '';
        const withText = c.free_text ? `${label} : ${c.free_text}` : label;
        let part: string;
        if (type === 'SCALE') part = String(c.value);
        else if (type === 'SORTING') part = `${c.value}. ${withText}`;
        else if (c.row_id) part = `${columns.labels.get(c.row_id) ?? REMOVED_OPTION_LABEL} : ${withText}`;
        else part = withText;
        push(`${c.submission_id}:${c.question_id}`, part);
      }
      yield submissions.map((s) => [
        String(s.id),
        new Date(s.created_at).toISOString(),
        s.survey_version,
        s.anonymous ? 'anonyme' : 'inscrit',
        ...columns.questionIds.map((q) => {
          const parts = cells.get(`${s.id}:${q}`);
          if (!parts) return '';
          return columns.types.get(q) === 'SCALE' && parts.length === 1 ? Number(parts[0]) : parts.join(' | ');
        }),
      ]);
      after = submissions[submissions.length - 1].id;
    }
  }

  /**
   * Streams the answers as an XLSX workbook (exceljs WorkbookWriter, no shared strings), one
   * committed row at a time, pausing on the output's back-pressure between batches.
   * @param output the HTTP response (or any writable)
   */
  async writeXlsx(surveyId: string, columns: ExportColumns, output: Writable): Promise<void> {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: false, useStyles: false });
    const sheet = workbook.addWorksheet('Réponses');
    sheet.addRow(columns.header).commit();
    for await (const rows of this.batches(surveyId, columns)) {
      for (const row of rows) sheet.addRow(row).commit();
      if (output.writableNeedDrain) await new Promise((resolve) => output.once('drain', resolve));
    }
    sheet.commit();
    await workbook.commit();
  }

  /** Results of the survey (exact, no cross-tabulation). @throws NOT_FOUND */
  async results(surveyId: string): Promise<SurveyResultsDto> {
    const [survey] = await this.dataSource.query(`SELECT title FROM surveys WHERE id = $1`, [surveyId]);
    if (!survey) throw DomainError.notFound('Enquête', { surveyId });
    return this.resultsService.compute(surveyId, survey.title, null);
  }
}
