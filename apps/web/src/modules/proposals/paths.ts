/** URL of a proposal's page. */
export function proposalPath(slug: string, componentId: string, proposalId: string): string {
  return `/espaces/${slug}/f/${componentId}/propositions/${proposalId}`;
}

/** URL of a PROPOSALS component's moderation page. */
export function moderationPath(slug: string, componentId: string): string {
  return `/espaces/${slug}/f/${componentId}/moderation`;
}

/** URL of a component's page (the proposal list). */
export function componentPath(slug: string, componentId: string): string {
  return `/espaces/${slug}/f/${componentId}`;
}
