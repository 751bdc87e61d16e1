import type { ConcertoRequest, Viewer } from './request-context';

/**
 * Who is calling, from a request's Bearer token or session cookie: the signed-in viewer, or null
 * (anonymous, expired or revoked session). Provided by the auth module (its session service);
 * the Socket.IO gateway asks it through this token so that the notification module, which auth
 * uses to record events and send mail, does not import auth back.
 */
export abstract class ViewerResolver {
  /** @returns the viewer of the request, or null; never throws for a bad or missing credential */
  abstract viewerFromRequest(request: ConcertoRequest): Promise<Viewer | null>;
}
