import { BallotStatus } from '@concerto/domain';
import { Controller, Get, Head, Param, ParseUUIDPipe, Res, UseFilters } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import type { Response } from 'express';
import { Public } from '../../common/access/access-policy';
import { CurrentViewer, Viewer } from '../../common/access/request-context';
import { DomainError } from '../../common/errors/domain-error';
import { CSV_OPTIONS } from '../../common/export/csv-options';
import { streamXlsxSheet } from '../../common/export/xlsx-stream';
import { DomainErrorHttpFilter, refuseHead } from '../../common/errors/domain-error-http.filter';
import { BallotService } from './ballot.service';
import { Choice } from './counting/choice';

/** Format tag of the published file, read by `npm run recount`. */
export const PUBLISHED_FORMAT = 'concerto-ballots/1';

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
  @Head([':ballotId/ballots.json', ':ballotId/ballots.csv', ':ballotId/ballots.xlsx'])
  head(@Res() res: Response): void {
    refuseHead(res);
  }

  /** `GET /exports/ballots/:ballotId/ballots.json`. Access: anyone who can see the ballot, after its close. */
  @Public()
  @Get(':ballotId/ballots.json')
  async json(@Param('ballotId', new ParseUUIDPipe()) ballotId: string, @CurrentViewer() viewer: Viewer | null, @Res() res: Response): Promise<void> {
    const ballot = await this.ballots.ballot(ballotId, viewer);
    if (ballot.status !== BallotStatus.CLOSED) throw DomainError.conflict('La liste des bulletins est publiée à la clôture.');
    const envelopes = this.ballots.publishedEnvelopes(ballotId, viewer);
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="votation-${ballotId}-bulletins.json"`);
    const write = (text: string) => (res.write(text) ? Promise.resolve() : new Promise<void>((resolve) => res.once('drain', () => resolve())));
    const head = {
      format: PUBLISHED_FORMAT,
      ballot: { id: ballot.id, title: ballot.title, closesAt: ballot.closesAt, secret: ballot.secret, receiptsEnabled: ballot.receiptsEnabled, weightUnit: ballot.census.weighted ? 1000 : 1 },
      questions: ballot.questions.map((q) => ({ id: q.id, title: q.title, method: q.method, minChoices: q.minChoices, maxChoices: q.maxChoices, options: q.options.map((o) => ({ id: o.id, title: o.title })) })),
      results: ballot.results,
    };
    await write(`${JSON.stringify(head).slice(0, -1)},"ballots":[`);
    let first = true;
    for await (const batch of envelopes) {
      const text = batch.map((e) => JSON.stringify({ receipt: e.receiptCode, weight: e.weight, choices: e.choices })).join(',\n');
      await write(`${first ? '\n' : ',\n'}${text}`);
      first = false;
    }
    await write(']}\n');
    res.end();
  }

  /** `GET /exports/ballots/:ballotId/ballots.csv`: the same list, one line per ballot, one readable column per question. */
  @Public()
  @Get(':ballotId/ballots.csv')
  async csv(@Param('ballotId', new ParseUUIDPipe()) ballotId: string, @CurrentViewer() viewer: Viewer | null, @Res() res: Response): Promise<void> {
    const ballot = await this.ballots.ballot(ballotId, viewer);
    if (ballot.status !== BallotStatus.CLOSED) throw DomainError.conflict('La liste des bulletins est publiée à la clôture.');
    const cell = readableChoice(ballot.questions);
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="votation-${ballotId}-bulletins.csv"`);
    const write = (text: string) => (res.write(text) ? Promise.resolve() : new Promise<void>((resolve) => res.once('drain', () => resolve())));
    await write(`\uFEFF${stringify([['reçu', 'poids', ...ballot.questions.map((q) => q.title)]], CSV_OPTIONS)}`);
    for await (const batch of this.ballots.publishedEnvelopes(ballotId, viewer)) {
      await write(stringify(batch.map((e) => [e.receiptCode ?? '', String(e.weight), ...ballot.questions.map((q) => cell(e.choices[q.id]))]), CSV_OPTIONS));
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
  async xlsx(@Param('ballotId', new ParseUUIDPipe()) ballotId: string, @CurrentViewer() viewer: Viewer | null, @Res() res: Response): Promise<void> {
    const ballot = await this.ballots.ballot(ballotId, viewer);
    if (ballot.status !== BallotStatus.CLOSED) throw DomainError.conflict('La liste des bulletins est publiée à la clôture.');
    const cell = readableChoice(ballot.questions);
    res.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('content-disposition', `attachment; filename="votation-${ballotId}-bulletins.xlsx"`);
    const envelopes = this.ballots.publishedEnvelopes(ballotId, viewer);
    async function* rows() {
      for await (const batch of envelopes) yield batch.map((e) => [e.receiptCode ?? '', e.weight, ...ballot.questions.map((q) => cell(e.choices[q.id]))]);
    }
    await streamXlsxSheet(res, 'Bulletins', ['reçu', 'poids', ...ballot.questions.map((q) => q.title)], rows());
  }
}

const GRADE_FR: Record<string, string> = { EXCELLENT: 'Excellent', VERY_GOOD: 'Très bien', GOOD: 'Bien', FAIRLY_GOOD: 'Assez bien', PASSABLE: 'Passable', INSUFFICIENT: 'Insuffisant', REJECT: 'À rejeter' };

/** A choice in words for the CSV and XLSX lists: options joined by « | », a ranking by « > », grades in French. */
function readableChoice(questions: ReadonlyArray<{ options: ReadonlyArray<{ id: string; title: string }> }>): (choice: Choice | undefined) => string {
  const titles = new Map(questions.flatMap((q) => q.options.map((o) => [o.id, o.title] as const)));
  return (choice) => {
    if (!choice) return '';
    if ('optionIds' in choice) return choice.optionIds.map((id) => titles.get(id)).join(' | ');
    if ('ranking' in choice) return choice.ranking.map((id) => titles.get(id)).join(' > ');
    return Object.entries(choice.grades).map(([id, g]) => `${titles.get(id)} : ${GRADE_FR[g]}`).join(' | ');
  };
}
