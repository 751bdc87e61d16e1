import { Controller, Get, Param, Res, UseFilters } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '../../common/access/access-policy';
import { CurrentViewer, Viewer } from '../../common/access/request-context';
import { DomainError } from '../../common/errors/domain-error';
import { DomainErrorHttpFilter } from '../../common/errors/domain-error-http.filter';
import { UUID_PATTERN } from '../../platform/component-resource';
import { AppConfig } from '../../config/app-config';
import { ParticipatorySpaceService } from '../participatory-space/participatory-space.service';
import { type CalendarMeeting, meetingsCalendar } from './meeting-calendar';
import { type MeetingRow, MeetingService } from './meeting.service';
import { MeetingHost } from './meeting.host';
import { MeetingCalendarFeedService } from './meeting-calendar-feed.service';

/** `<uuid>.ics` → the uuid. @throws NOT_FOUND otherwise */
const idOf = (file: string): string => {
  const id = file.endsWith('.ics') ? file.slice(0, -4) : '';
  if (!UUID_PATTERN.test(id))
    throw DomainError.notFound('Calendrier').inEnglish('Calendar not found.');
  return id;
};

/**
 * iCalendar files of meetings: `GET /calendar/meetings/:id.ics` (one meeting, as the caller
 * may see it), `GET /calendar/spaces/:id.ics` (the published meetings of a space) and
 * `GET /calendar/feeds/:token.ics` (a user's registrations, by private token). Access:
 * anyone who may see them; 404 as JSON otherwise.
 */
@Controller('calendar')
@UseFilters(DomainErrorHttpFilter)
export class MeetingCalendarController {
  constructor(
    private readonly meetings: MeetingService,
    private readonly host: MeetingHost,
    private readonly spaces: ParticipatorySpaceService,
    private readonly config: AppConfig,
    private readonly feeds: MeetingCalendarFeedService,
  ) {}

  /** One meeting's `.ics` (its online URL only when the caller may see it). Access: anyone who may see the meeting. */
  @Public()
  @Get('meetings/:file')
  async meeting(
    @Param('file') file: string,
    @CurrentViewer() viewer: Viewer | null,
    @Res() res: Response,
  ): Promise<void> {
    const id = idOf(file);
    const dto = await this.meetings.meeting(id, viewer);
    const row = await this.meetings.visibleRow(id, viewer);
    const entry = {
      ...this.entry(row, dto.onlineUrl, (await this.host.reference(row.id))?.link ?? '/'),
      agenda: dto.agenda,
    };
    this.send(res, `rencontre-${id}.ics`, meetingsCalendar(row.title, [entry]));
  }

  /** A space's feed: its published meetings (online URLs only of meetings without registration). Access: anyone who may see the space. */
  @Public()
  @Get('spaces/:file')
  async space(
    @Param('file') file: string,
    @CurrentViewer() viewer: Viewer | null,
    @Res() res: Response,
  ): Promise<void> {
    const spaceId = idOf(file);
    const rows = await this.meetings.publishedOfSpace(spaceId);
    // one visibility check and one path per component, not per meeting
    const paths = new Map<string, string | null>();
    for (const componentId of new Set(rows.map((r) => r.component_id))) {
      const visible = await this.spaces.component(componentId, viewer).then(
        () => true,
        () => false,
      );
      paths.set(
        componentId,
        visible ? ((await this.spaces.componentPlace(componentId))?.path ?? null) : null,
      );
    }
    if (!rows.length) await this.spaceExists(spaceId, viewer);
    const entries = rows
      .filter((row) => paths.get(row.component_id))
      .map((row) =>
        this.entry(
          row,
          row.registrations_enabled ? null : row.online_url,
          `${paths.get(row.component_id)}/rencontres/${row.id}`,
        ),
      );
    this.send(res, `rencontres-${spaceId}.ics`, meetingsCalendar('Rencontres', entries));
  }

  /**
   * A user's private feed of their registrations (`GET /calendar/feeds/<token>.ics`): seats as
   * confirmed entries, waiting-list places as tentative ones, online URLs as that registrant may
   * see them when the calendar app fetches. Access: whoever holds the token; 404 for a malformed,
   * unknown, rotated or revoked token.
   */
  @Public()
  @Get('feeds/:file')
  async feed(@Param('file') file: string, @Res() res: Response): Promise<void> {
    const userId = await this.feeds.ownerOf(file.endsWith('.ics') ? file.slice(0, -4) : '');
    const rows = await this.meetings.registrationFeed(userId);
    const entries = rows.map((row) => ({
      ...this.entry(row, row.visible_online_url, row.path),
      tentative: row.registration_status === 'WAITLISTED',
    }));
    res.setHeader('referrer-policy', 'no-referrer');
    this.send(
      res,
      'mes-rencontres.ics',
      meetingsCalendar('Mes rencontres', entries),
      'private, no-cache',
    );
  }

  private async spaceExists(spaceId: string, viewer: Viewer | null): Promise<void> {
    const spaces = await this.spaces.list(undefined, viewer);
    if (!spaces.some((s) => s.id === spaceId))
      throw DomainError.notFound('Espace', { id: spaceId }).inEnglish('Space not found.');
  }

  private entry(row: MeetingRow, onlineUrl: string | null, link: string): CalendarMeeting {
    return {
      id: row.id,
      title: row.title,
      description: row.description,
      type: row.type,
      address: row.address,
      location: row.location,
      onlineUrl,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      cancelled: row.cancelled_at !== null,
      sequence: row.ical_sequence,
      updatedAt: row.updated_at,
      url: `${this.config.PUBLIC_URL.replace(/\/+$/, '')}${link}`,
    };
  }

  private send(res: Response, filename: string, body: string, cacheControl = 'no-cache'): void {
    res.setHeader('content-type', 'text/calendar; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="${filename}"`);
    res.setHeader('cache-control', cacheControl);
    res.send(body);
  }
}
