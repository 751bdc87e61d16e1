import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { SurveyResultsDto } from './dtos/survey.dto';
import { REMOVED_OPTION_LABEL } from './survey-answer.service';
import { SurveyResultsService } from './survey-results.service';

/** Bytes of XML the XLSX compressor may have waiting before the next batch is read. */
const XLSX_BACKLOG_BYTES = 1 << 20;

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
    const [survey] = await this.dataSource.query(`SELECT title FROM surveys WHERE id = $1`, [
      surveyId,
    ]);
    if (!survey) throw DomainError.notFound('Enquête', { surveyId }).inEnglish('Survey not found.');
    const questions: { id: string; type: string; body: string; removed: boolean }[] =
      await this.dataSource.query(
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
      header: [
        'réponse',
        'date',
        'version',
        'répondant',
        ...questions.map(
          (q, i) => `${i + 1}. ${q.removed ? '(question supprimée) ' : ''}${q.body}`,
        ),
      ],
      questionIds: questions.map((q) => q.id),
      types: new Map(questions.map((q) => [q.id, q.type])),
      labels: new Map(
        options.map((o) => [o.id, o.removed ? `${REMOVED_OPTION_LABEL} ${o.body}` : o.body]),
      ),
    };
  }

  /**
   * One batch of submissions after `after` with each answer already rendered as text by
   * PostgreSQL (options by label, "(option supprimée)" for removed ones, free texts, matrix
   * rows, ranks, scale points), so Node handles one small object per submission.
   */
  private batchSql(columnsParam: string): string {
    return `
      WITH batch AS (
        SELECT id, created_at, survey_version, user_id IS NULL AS anonymous
          FROM survey_submissions WHERE survey_id = $1 AND id > $2 ORDER BY id LIMIT ${EXPORT_BATCH_SIZE}
      ), choice_texts AS (
        SELECT c.submission_id, c.question_id,
               string_agg(
                 CASE WHEN c.option_id IS NULL THEN c.value::text
                      ELSE concat(CASE WHEN q.type = 'SORTING' THEN c.value || '. ' END,
                                  CASE WHEN c.row_id IS NOT NULL THEN CASE WHEN r.removed_at IS NULL THEN r.body ELSE $3 || ' ' || r.body END || ' : ' END,
                                  CASE WHEN o.removed_at IS NULL THEN o.body ELSE $3 || ' ' || o.body END,
                                  CASE WHEN c.free_text IS NOT NULL THEN ' : ' || c.free_text END) END,
                 ' | ' ORDER BY c.id) AS text
          FROM survey_answer_choices c
          JOIN survey_questions q ON q.id = c.question_id
          LEFT JOIN survey_question_options o ON o.id = c.option_id
          LEFT JOIN survey_question_options r ON r.id = c.row_id
         WHERE c.submission_id = ANY (ARRAY(SELECT id FROM batch)) -- index lookups, whatever the planner thinks of the CTE
         GROUP BY c.submission_id, c.question_id
      ), cells AS (
        SELECT a.submission_id, a.question_id, coalesce(a.body, t.text, '') AS cell
          FROM survey_answers a
          LEFT JOIN choice_texts t ON t.submission_id = a.submission_id AND t.question_id = a.question_id
         WHERE a.submission_id = ANY (ARRAY(SELECT id FROM batch))
      ), rows AS (
        SELECT b.id, b.created_at, b.survey_version, b.anonymous,
               ${columnsParam} AS cells
          FROM batch b LEFT JOIN cells c ON c.submission_id = b.id
         GROUP BY b.id, b.created_at, b.survey_version, b.anonymous
      )`;
  }

  /**
   * Yields the export's rows (cells as strings, scale points as numbers), one batch of
   * {@link EXPORT_BATCH_SIZE} submissions at a time, walking submissions by id (keyset).
   */
  async *batches(surveyId: string, columns: ExportColumns): AsyncGenerator<(string | number)[][]> {
    const scale = columns.questionIds.map((q) => columns.types.get(q) === 'SCALE');
    let after = '0';
    for (;;) {
      // the whole batch as one JSON text (one array per submission, cells in column order):
      // one field for the driver to read instead of thousands of row objects
      const [chunk]: { json: string | null; last: string | null }[] = await this.dataSource.query(
        `${this.batchSql(
          `array_agg(c.question_id) FILTER (WHERE c.question_id IS NOT NULL)`,
        ).replace(
          'AS cells',
          `AS question_ids, array_agg(c.cell) FILTER (WHERE c.question_id IS NOT NULL) AS cells`,
        )}
         SELECT json_agg(json_build_array(r.id::text, to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), r.survey_version,
                  CASE WHEN r.anonymous THEN 'anonyme' ELSE 'inscrit' END,
                  (SELECT json_agg(coalesce(r.cells[array_position(r.question_ids, col.id)], '') ORDER BY col.ord)
                     FROM unnest($4::uuid[]) WITH ORDINALITY AS col(id, ord))) ORDER BY r.id)::text AS json,
                max(r.id)::text AS last
           FROM rows r`,
        [surveyId, after, REMOVED_OPTION_LABEL, columns.questionIds],
      );
      if (!chunk?.json || !chunk.last) return;
      const rows = JSON.parse(chunk.json) as [string, string, number, string, string[] | null][];
      yield rows.map(([id, date, version, respondent, cells]) => [
        id,
        date,
        version,
        respondent,
        ...(cells ?? columns.questionIds.map(() => '')).map((cell, i) =>
          scale[i] && cell !== '' ? Number(cell) : cell,
        ),
      ]);
      after = chunk.last;
    }
  }

  /**
   * Yields the CSV text of the export, one batch of submissions per chunk, built by PostgreSQL
   * (every field quoted, quotes doubled — RFC 4180; a cell starting with = + - @, a tab, a carriage
   * return or a full-width ＝ ＋ － ＠ gets a leading apostrophe so spreadsheets do not run it as a
   * formula: the same rule as csv-stringify's `escape_formulas`, see `CSV_OPTIONS`), so Node allocates one string per batch.
   * @returns chunks ending with a line break
   */
  async *csvChunks(surveyId: string, columns: ExportColumns): AsyncGenerator<string> {
    const quote = (v: string) => `'"' || replace(${v}, '"', '""') || '"'`;
    let after = '0';
    for (;;) {
      const [chunk]: { text: string | null; last: string | null }[] = await this.dataSource.query(
        `${this.batchSql(
          `array_agg(c.question_id) FILTER (WHERE c.question_id IS NOT NULL)`,
        ).replace(
          'AS cells',
          `AS question_ids, array_agg(c.cell) FILTER (WHERE c.question_id IS NOT NULL) AS cells`,
        )}
         SELECT string_agg(concat_ws(',', ${quote('r.id::text')}, ${quote(`to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`)}, r.survey_version::text,
                  ${quote(`CASE WHEN r.anonymous THEN 'anonyme' ELSE 'inscrit' END`)},
                  (SELECT string_agg(${quote(`regexp_replace(coalesce(r.cells[array_position(r.question_ids, col.id)], ''), '^([=+@\t\r\uFF1D\uFF0B\uFF0D\uFF20-])', '''\\1')`)}, ',' ORDER BY col.ord)
                     FROM unnest($4::uuid[]) WITH ORDINALITY AS col(id, ord))), E'\r\n' ORDER BY r.id) || E'\r\n' AS text,
                max(r.id)::text AS last
           FROM rows r`,
        [surveyId, after, REMOVED_OPTION_LABEL, columns.questionIds],
      );
      if (!chunk?.text || !chunk.last) return;
      yield chunk.text;
      after = chunk.last;
    }
  }

  /**
   * Streams the answers as an XLSX workbook (exceljs WorkbookWriter, no shared strings), one
   * committed row at a time, pausing on the output's back-pressure between batches.
   * @param output the HTTP response (or any writable)
   */
  async writeXlsx(surveyId: string, columns: ExportColumns, output: Writable): Promise<void> {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: output,
      useSharedStrings: false,
      useStyles: false,
      zip: { zlib: { level: 6 } },
    });
    const sheet = workbook.addWorksheet('Réponses');
    sheet.addRow(columns.header).commit();
    // exceljs feeds its zip without back-pressure: wait after each batch until the sheet's buffer
    // and the compressor's input have been consumed and the response is not asking to drain
    // (its pipes are readable-stream PassThroughs without `writableLength`: read their states)
    type Buffered = { _writableState?: { length: number }; _readableState?: { length: number } };
    const sheetStream = (sheet as unknown as { stream: { buffers: unknown[]; pipes: Buffered[] } })
      .stream;
    const pending = (p: Buffered) =>
      (p._writableState?.length ?? 0) + (p._readableState?.length ?? 0);
    const backlogged = () =>
      sheetStream.buffers.length > 4 ||
      sheetStream.pipes.some((p) => pending(p) > XLSX_BACKLOG_BYTES) ||
      output.writableNeedDrain;
    for await (const rows of this.batches(surveyId, columns)) {
      for (const row of rows) sheet.addRow(row).commit();
      while (backlogged()) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    sheet.commit();
    await workbook.commit();
  }

  /** Results of the survey (exact, no cross-tabulation). @throws NOT_FOUND */
  async results(surveyId: string): Promise<SurveyResultsDto> {
    const [survey] = await this.dataSource.query(`SELECT title FROM surveys WHERE id = $1`, [
      surveyId,
    ]);
    if (!survey) throw DomainError.notFound('Enquête', { surveyId }).inEnglish('Survey not found.');
    return this.resultsService.compute(surveyId, survey.title, null);
  }
}
