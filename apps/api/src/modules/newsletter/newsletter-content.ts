import { SpaceType } from '@concerto/domain';
import { Inject, Injectable } from '@nestjs/common';
import { escapeHtml, richTextToPlain } from '../../common/rich-text/rich-text';
import { AppConfig } from '../../config/app-config';
import { MeetingAgendaOrder } from '../meeting/dtos/meeting.inputs';
import { MeetingService } from '../meeting/meeting.service';
import { NewsService } from '../news/news.service';
import { ParticipatorySpaceService } from '../participatory-space/participatory-space.service';
import { NewsletterBlock } from './dtos/newsletter.dto';

/** The common part of a newsletter mail (same for every recipient). */
export interface RenderedNewsletter {
  subject: string;
  /** HTML fragment: the body and the blocks. */
  html: string;
  /** Plain-text alternative of {@link html}. */
  text: string;
}

/** One recipient's mail: the common part wrapped with their own unsubscribe link. */
export interface PersonalMail {
  subject: string;
  html: string;
  text: string;
  /** `List-Unsubscribe` target (POST one-click, RFC 8058). */
  oneClickUrl: string;
  /** The visible link: a page that asks for confirmation (a GET never unsubscribes). */
  pageUrl: string;
}

interface BlockItem {
  title: string;
  detail: string;
  path: string;
}

const BLOCK_TITLES: Record<NewsletterBlock, string> = {
  LATEST_NEWS: 'Dernières actualités',
  OPEN_PROCESSES: 'Concertations ouvertes',
  UPCOMING_MEETINGS: 'Prochaines rencontres',
};
const BLOCK_SIZE = 3;
const PARIS = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  dateStyle: 'long',
  timeStyle: 'short',
});

/**
 * Renders newsletters. The body is the sanitised rich text stored with the draft; each chosen
 * block asks its owning module's service for what anyone may see **at the time of rendering**
 * (news « à la une » from `NewsService.publicPosts`, published Concertations whose last phase has
 * not ended from `ParticipatorySpaceService.list`, meetings from now on from
 * `MeetingService.agendaPage`), three items at most; a block with nothing in it is left out.
 * The preview renders live; « envoyer » renders once and freezes the result in the newsletter
 * row, so every recipient — including those mailed after a crash and a resume — gets the same
 * content.
 */
@Injectable()
export class NewsletterContent {
  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly news: NewsService,
    private readonly spaces: ParticipatorySpaceService,
    private readonly meetings: MeetingService,
  ) {}

  /** Renders the subject, the body and the blocks (see the class). */
  async render(
    subject: string,
    body: string,
    blocks: readonly NewsletterBlock[],
  ): Promise<RenderedNewsletter> {
    const html: string[] = [body];
    const text: string[] = [richTextToPlainParagraphs(body)];
    for (const block of [
      NewsletterBlock.LATEST_NEWS,
      NewsletterBlock.OPEN_PROCESSES,
      NewsletterBlock.UPCOMING_MEETINGS,
    ]) {
      if (!blocks.includes(block)) continue;
      const items = await this.items(block);
      if (!items.length) continue;
      html.push(
        `<h2>${escapeHtml(BLOCK_TITLES[block])}</h2><ul>${items
          .map(
            (i) =>
              `<li><a href="${escapeHtml(this.url(i.path))}">${escapeHtml(i.title)}</a>${i.detail ? ` — ${escapeHtml(i.detail)}` : ''}</li>`,
          )
          .join('')}</ul>`,
      );
      text.push(
        `${BLOCK_TITLES[block]}\n${items.map((i) => `- ${i.title}${i.detail ? ` — ${i.detail}` : ''}\n  ${this.url(i.path)}`).join('\n')}`,
      );
    }
    return { subject, html: html.join('\n'), text: text.join('\n\n') };
  }

  /** Wraps the common part for one recipient (their token in the unsubscribe links). */
  personal(rendered: RenderedNewsletter, token: string): PersonalMail {
    const oneClickUrl = this.url(`/lettre/desinscription/${token}`);
    const pageUrl = this.url(`/lettre/se-desinscrire?jeton=${token}`);
    const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(rendered.subject)}</title></head><body>${rendered.html}
<hr><p style="font-size:small">Vous recevez cette lettre d’information parce que vous l’avez demandée dans votre compte Concerto. <a href="${escapeHtml(pageUrl)}">Se désinscrire</a></p></body></html>`;
    const text = `${rendered.text}\n\n--\nVous recevez cette lettre d’information parce que vous l’avez demandée dans votre compte Concerto.\nSe désinscrire : ${pageUrl}\n`;
    return { subject: rendered.subject, html, text, oneClickUrl, pageUrl };
  }

  /** An absolute link from a web path. */
  url(path: string): string {
    return `${this.config.PUBLIC_URL.replace(/\/$/, '')}${path}`;
  }

  private async items(block: NewsletterBlock): Promise<BlockItem[]> {
    if (block === NewsletterBlock.LATEST_NEWS) {
      const posts = await this.news.publicPosts(null, BLOCK_SIZE);
      return posts.map((p) => ({
        title: p.title,
        detail: p.spaceTitle,
        path: `/espaces/${p.spaceSlug}/f/${p.componentId}/actualites/${p.id}`,
      }));
    }
    if (block === NewsletterBlock.OPEN_PROCESSES) {
      const today = new Date().toISOString().slice(0, 10);
      const spaces = await this.spaces.list(SpaceType.PROCESS, null);
      return spaces
        .filter((s) => s.published)
        .filter((s) => {
          const last = s.phases[s.phases.length - 1];
          return !last?.endDate || last.endDate >= today;
        })
        .slice(-BLOCK_SIZE)
        .reverse()
        .map((s) => ({ title: s.title, detail: s.subtitle, path: `/espaces/${s.slug}` }));
    }
    const page = await this.meetings.agendaPage(
      { from: new Date() },
      BLOCK_SIZE,
      null,
      MeetingAgendaOrder.CHRONOLOGICAL,
      null,
    );
    return page.edges
      .filter((e) => !e.node.cancelled)
      .map((e) => ({
        title: e.node.title,
        detail: PARIS.format(e.node.startsAt),
        path: e.node.path,
      }));
  }
}

/** Plain text of sanitised HTML, one paragraph per block element. */
function richTextToPlainParagraphs(html: string): string {
  return html
    .split(/<\/(?:p|h[1-6]|li|blockquote|ul|ol)>/i)
    .map((part) => richTextToPlain(part))
    .filter(Boolean)
    .join('\n\n');
}
