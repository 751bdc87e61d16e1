import { Injectable } from '@nestjs/common';
import type { Viewer } from '../../common/access/request-context';
import { DebateAnalysisService, type SnapshotStatement } from './debate-analysis.service';
import { DebateService } from './debate.service';
import { DebateAnalysisDto, DebateStatementResultDto } from './dtos/debate.dto';

const LETTERS = 'ABCDEFGHIJ';

/**
 * Reads a debate's latest analysis for the results page: checks the viewer may see the debate,
 * maps the snapshot to the GraphQL shape and adds the viewer's own position. The first read of a
 * debate with votes but no snapshot yet computes one.
 */
@Injectable()
export class DebateAnalysisQuery {
  constructor(
    private readonly debates: DebateService,
    private readonly analyses: DebateAnalysisService,
  ) {}

  /**
   * The latest analysis as the viewer sees it. Access: anyone who sees the debate.
   * @throws NOT_FOUND; BAD_USER_INPUT malformed id
   */
  async analysis(debateId: string, viewer: Viewer | null): Promise<DebateAnalysisDto | null> {
    const debate = await this.debates.debate(debateId, viewer);
    const stored =
      (await this.analyses.latest(debateId)) ??
      (debate.participantsCount > 0 ? await this.analyses.recompute(debateId) : null);
    if (!stored) return null;
    const r = stored.result;
    const withdrawn = await this.analyses.withdrawnStatementIds(debateId);
    const byId = new Map(r.statements.filter((s) => !withdrawn.has(s.id)).map((s) => [s.id, s]));
    const result = (s: SnapshotStatement): DebateStatementResultDto => ({
      statementId: s.id,
      body: s.body,
      agree: s.agree,
      disagree: s.disagree,
      pass: s.pass,
      groups: s.groups.map(([agree, disagree, seen], groupId) => ({
        groupId,
        agree,
        disagree,
        seen,
      })),
      consensus: s.consensus,
      divisiveness: s.divisiveness,
    });
    const position = viewer ? await this.analyses.positionOf(debateId, viewer.user.id) : null;
    return {
      debateId,
      computedAt: stored.computedAt,
      durationMs: stored.durationMs,
      participantCount: r.participantCount,
      clusteredCount: r.clusteredCount,
      voteCount: r.voteCount,
      silhouette: r.silhouette,
      groups: r.groups.map((g) => ({
        id: g.id,
        label: LETTERS[g.id] ?? String(g.id + 1),
        size: g.size,
        centroid: { x: g.centroid[0], y: g.centroid[1] },
        points: g.points.map(([x, y]) => ({ x, y })),
        representatives: g.representatives
          .filter((rep) => byId.has(rep.statementId))
          .map((rep) => ({
            statementId: rep.statementId,
            body: byId.get(rep.statementId)!.body,
            repfulFor: rep.repfulFor,
            share: rep.trials > 0 ? rep.successes / rep.trials : 0,
            successes: rep.successes,
            trials: rep.trials,
            repness: rep.repness,
            significant: rep.significant,
          })),
      })),
      ungrouped: r.ungrouped.map(([x, y]) => ({ x, y })),
      consensus: r.consensus
        .map((id) => byId.get(id))
        .filter((s): s is SnapshotStatement => !!s)
        .map(result),
      divisive: r.divisive
        .map((id) => byId.get(id))
        .filter((s): s is SnapshotStatement => !!s)
        .map(result),
      statements: r.statements.filter((s) => byId.has(s.id)).map(result),
      viewerPosition: position,
    };
  }
}
