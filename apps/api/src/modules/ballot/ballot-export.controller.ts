import { BallotStatus } from '@concerto/domain';
import { Controller, Get, Head, Param, Res, UseFilters } from '@nestjs/common';
import { uuidParam } from '../../common/validation/uuid-param';
import { stringify } from 'csv-stringify/sync';
import type { Response } from 'express';
import { Public } from '../../common/access/access-policy';
import { CurrentViewer, Viewer } from '../../common/access/request-context';
import { DomainError } from '../../common/errors/domain-error';
import { CSV_OPTIONS } from '../../common/export/csv-options';
import { responseWriter } from '../../common/export/response-writer';
import { streamXlsxSheet } from '../../common/export/xlsx-stream';
import { DomainErrorHttpFilter, refuseHead } from '../../common/errors/domain-error-http.filter';
import { BallotService } from './ballot.service';
import ExcelJS from 'exceljs';
import { Choice } from './counting/choice';
import { GRADE_NAMES_FR, resultTables } from './counting/results-table';
import type { QuestionResult } from './counting/tally';

/** Format tag of the published file, read by `npm run recount`. */
export const PUBLISHED_FORMAT = 'concerto-ballots/1';

/** Format tag of the results download. */
export const RESULTS_FORMAT = 'concerto-results/1';

/**
 * The published list of a closed ballot, for anyone who can see it: every envelope's receipt
 * code (when receipts are enabled), weight and choices, in receipt order, with the questions and
 * the frozen results — so a voter can find their ballot and anyone can recount
 * (`npm run recount -- file.json`). Streamed in keyset batches (memory flat). Before the close: 409.
 */
@Controller('exports/ballots')
@UseFilters(DomainErrorHttpFilter)
export class BallotExportController {
  constructor(private readonly ballots: BallotService) {}

  @Public()
  @Head([
    ':ballotId/ballots.json',
    ':ballotId/ballots.csv',
    ':ballotId/ballots.xlsx',
    ':ballotId/results.json',
    ':ballotId/results.csv',
    ':ballotId/results.xlsx',
  ])
  head(@Res() res: Response): void {
    refuseHead(res);
  }

  /** `GET /exports/ballots/:ballotId/ballots.json`. Access: anyone who can see the ballot, after its close. */
  @Public()
  @Get(':ballotId/ballots.json')
  async json(
    @Param('ballotId', uuidParam('ballotId')) ballotId: string,
    @CurrentViewer() viewer: Viewer | null,
    @Res() res: Response,
  ): Promise<void> {
    const ballot = await this.ballots.ballot(ballotId, viewer);
    if (ballot.status !== BallotStatus.CLOSED)
      throw DomainError.conflict('La liste des bulletins est publiée à la clôture.').inEnglish(
        'The list of ballot papers is published at closing.',
      );
    const envelopes = this.ballots.publishedEnvelopes(ballotId, viewer);
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.setHeader(
      'content-disposition',
      `attachment; filename="votation-${ballotId}-bulletins.json"`,
    );
    const out = responseWriter(res);
    const write = (text: string) => out.write(text);
    const head = {
      format: PUBLISHED_FORMAT,
      ballot: {
        id: ballot.id,
        title: ballot.title,
        closesAt: ballot.closesAt,
        secret: ballot.secret,
        receiptsEnabled: ballot.receiptsEnabled,
        weightUnit: ballot.census.weighted ? 1000 : 1,
      },
      questions: ballot.questions.map((q) => ({
        id: q.id,
        title: q.title,
        method: q.method,
        minChoices: q.minChoices,
        maxChoices: q.maxChoices,
        options: q.options.map((o) => ({ id: o.id, title: o.title })),
      })),
      results: ballot.results,
    };
    await write(`${JSON.stringify(head).slice(0, -1)},"ballots":[`);
    let first = true;
    for await (const batch of envelopes) {
      if (out.gone) break;
      const text = batch
        .map((e) =>
          JSON.stringify({ receipt: e.receiptCode, weight: e.weight, choices: e.choices }),
        )
        .join(',\n');
      await write(`${first ? '\n' : ',\n'}${text}`);
      first = false;
    }
    await write(']}\n');
    res.end();
  }

  /** `GET /exports/ballots/:ballotId/ballots.csv`: the same list, one line per ballot, one readable column per question. */
  @Public()
  @Get(':ballotId/ballots.csv')
  async csv(
    @Param('ballotId', uuidParam('ballotId')) ballotId: string,
    @CurrentViewer() viewer: Viewer | null,
    @Res() res: Response,
  ): Promise<void> {
    const ballot = await this.ballots.ballot(ballotId, viewer);
    if (ballot.status !== BallotStatus.CLOSED)
      throw DomainError.conflict('La liste des bulletins est publiée à la clôture.').inEnglish(
        'The list of ballot papers is published at closing.',
      );
    const cell = readableChoice(ballot.questions);
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader(
      'content-disposition',
      `attachment; filename="votation-${ballotId}-bulletins.csv"`,
    );
    const out = responseWriter(res);
    const write = (text: string) => out.write(text);
    await write(
      `\uFEFF${stringify([['reçu', 'poids', ...ballot.questions.map((q) => q.title)]], CSV_OPTIONS)}`,
    );
    for await (const batch of this.ballots.publishedEnvelopes(ballotId, viewer)) {
      if (out.gone) break;
      await write(
        stringify(
          batch.map((e) => [
            e.receiptCode ?? '',
            String(e.weight),
            ...ballot.questions.map((q) => cell(e.choices[q.id])),
          ]),
          CSV_OPTIONS,
        ),
      );
    }
    res.end();
  }

  /**
   * `GET /exports/ballots/:ballotId/ballots.xlsx`: the same table as the CSV in an Excel workbook
   * (sheet « Bulletins »: receipt, weight as a number, one readable column per question), streamed
   * in batches. Access: as the CSV (anyone who can see the ballot, after its close; 409 before,
   * 404 for a ballot the viewer cannot see, as JSON).
   */
  @Public()
  @Get(':ballotId/ballots.xlsx')
  async xlsx(
    @Param('ballotId', uuidParam('ballotId')) ballotId: string,
    @CurrentViewer() viewer: Viewer | null,
    @Res() res: Response,
  ): Promise<void> {
    const ballot = await this.ballots.ballot(ballotId, viewer);
    if (ballot.status !== BallotStatus.CLOSED)
      throw DomainError.conflict('La liste des bulletins est publiée à la clôture.').inEnglish(
        'The list of ballot papers is published at closing.',
      );
    const cell = readableChoice(ballot.questions);
    res.setHeader(
      'content-type',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    res.setHeader(
      'content-disposition',
      `attachment; filename="votation-${ballotId}-bulletins.xlsx"`,
    );
    const envelopes = this.ballots.publishedEnvelopes(ballotId, viewer);
    async function* rows() {
      for await (const batch of envelopes)
        yield batch.map((e) => [
          e.receiptCode ?? '',
          e.weight,
          ...ballot.questions.map((q) => cell(e.choices[q.id])),
        ]);
    }
    await streamXlsxSheet(
      res,
      'Bulletins',
      ['reçu', 'poids', ...ballot.questions.map((q) => q.title)],
      rows(),
    );
  }

  /**
   * `GET /exports/ballots/:ballotId/results.json`: the results as the results page shows them —
   * per question the winners, the ranking and the full count of its method — with the questions,
   * the turnout and the census frozen at the opening. Counts of a weighted census are in
   * thousandths (`weightUnit`: 1000). Access: anyone who can see the results (after the close; a
   * PUBLIC ballot's live results while open); 409 before, 404 for a ballot the viewer cannot see.
   */
  @Public()
  @Get(':ballotId/results.json')
  async resultsJson(
    @Param('ballotId', uuidParam('ballotId')) ballotId: string,
    @CurrentViewer() viewer: Viewer | null,
    @Res() res: Response,
  ): Promise<void> {
    const { ballot, results } = await this.publishedResults(ballotId, viewer);
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.setHeader(
      'content-disposition',
      `attachment; filename="votation-${ballotId}-resultats.json"`,
    );
    res.send(
      JSON.stringify({
        format: RESULTS_FORMAT,
        ballot: {
          id: ballot.id,
          title: ballot.title,
          opensAt: ballot.opensAt,
          closesAt: ballot.closesAt,
          status: ballot.status,
          final: ballot.resultsFrozen,
          weightUnit: ballot.census.weighted ? 1000 : 1,
        },
        turnout: {
          voters: ballot.turnout.voters,
          votersWeight: ballot.turnout.votersWeight,
          censusVoters: ballot.census.frozenVoters,
          censusWeight: ballot.census.frozenWeight,
          percent: ballot.turnout.percent,
        },
        questions: ballot.questions.map((q) => ({
          id: q.id,
          title: q.title,
          method: q.method,
          options: q.options.map((o) => ({ id: o.id, title: o.title })),
        })),
        results,
      }),
    );
  }

  /** `GET /exports/ballots/:ballotId/results.csv`: one block per question (as the XLSX's sheets), separated by an empty line. Access: as `results.json`. */
  @Public()
  @Get(':ballotId/results.csv')
  async resultsCsv(
    @Param('ballotId', uuidParam('ballotId')) ballotId: string,
    @CurrentViewer() viewer: Viewer | null,
    @Res() res: Response,
  ): Promise<void> {
    const { ballot, results } = await this.publishedResults(ballotId, viewer);
    const tables = resultTables(ballot.questions, results, ballot.census.weighted ? 1000 : 1);
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader(
      'content-disposition',
      `attachment; filename="votation-${ballotId}-resultats.csv"`,
    );
    const width = Math.max(1, ...tables.flatMap((t) => t.rows.map((r) => r.length)));
    const rows = tables
      .flatMap((t, i) => [...(i ? [[]] : []), ...t.rows])
      .map((r) =>
        Array.from({ length: width }, (_, c) =>
          r[c] === null || r[c] === undefined ? '' : String(r[c]),
        ),
      );
    res.send(`\uFEFF${stringify(rows, CSV_OPTIONS)}`);
  }

  /**
   * `GET /exports/ballots/:ballotId/results.xlsx`: an Excel workbook with a sheet « Participation »
   * and one sheet per question (« Q1 », « Q2 »…: counts, shares, the pairwise matrix or the grade
   * profiles, tie-breaks), numbers as numbers. Small (options², not ballots): built in memory.
   * Access: as `results.json`.
   */
  @Public()
  @Get(':ballotId/results.xlsx')
  async resultsXlsx(
    @Param('ballotId', uuidParam('ballotId')) ballotId: string,
    @CurrentViewer() viewer: Viewer | null,
    @Res() res: Response,
  ): Promise<void> {
    const { ballot, results } = await this.publishedResults(ballotId, viewer);
    const tables = resultTables(ballot.questions, results, ballot.census.weighted ? 1000 : 1);
    const workbook = new ExcelJS.Workbook();
    const summary = workbook.addWorksheet('Participation');
    summary.addRows([
      ['Votation', ballot.title],
      [
        'Résultats',
        ballot.resultsFrozen
          ? 'définitifs (figés à la clôture)'
          : 'provisoires (scrutin public en cours)',
      ],
      ['Votants', ballot.turnout.voters],
      ['Inscrits au corps électoral', ballot.census.frozenVoters],
      ['Participation (%)', ballot.turnout.percent],
      [],
      ['Feuille', 'Question'],
      ...tables.map((t) => [t.name, t.title]),
    ]);
    for (const table of tables) workbook.addWorksheet(table.name).addRows(table.rows);
    res.setHeader(
      'content-type',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    res.setHeader(
      'content-disposition',
      `attachment; filename="votation-${ballotId}-resultats.xlsx"`,
    );
    await workbook.xlsx.write(res);
    res.end();
  }

  /** The ballot and its results when the viewer may see them; CONFLICT while they are hidden (a secret ballot before its close). */
  private async publishedResults(ballotId: string, viewer: Viewer | null) {
    const ballot = await this.ballots.ballot(ballotId, viewer);
    if (!ballot.results)
      throw DomainError.conflict('Les résultats sont publiés à la clôture.').inEnglish(
        'The results are published at closing.',
      );
    return {
      ballot,
      results: ballot.results as unknown as (QuestionResult & { questionId: string })[],
    };
  }
}

/** A choice in words for the CSV and XLSX lists: options joined by « | », a ranking by « > », grades in French. */
function readableChoice(
  questions: ReadonlyArray<{ options: ReadonlyArray<{ id: string; title: string }> }>,
): (choice: Choice | undefined) => string {
  const titles = new Map(questions.flatMap((q) => q.options.map((o) => [o.id, o.title] as const)));
  return (choice) => {
    if (!choice) return '';
    if ('optionIds' in choice) return choice.optionIds.map((id) => titles.get(id)).join(' | ');
    if ('ranking' in choice) return choice.ranking.map((id) => titles.get(id)).join(' > ');
    return Object.entries(choice.grades)
      .map(([id, g]) => `${titles.get(id)} : ${GRADE_NAMES_FR[g]}`)
      .join(' | ');
  };
}
