/** The app's pages and their hash URLs (#/…), so no server fallback is needed. */
export type Route =
  | { page: 'home' }
  | { page: 'sign-in' }
  | { page: 'account' }
  | { page: 'org'; orgId: string }
  | { page: 'new-assessment'; orgId: string }
  | { page: 'members'; orgId: string }
  | { page: 'compare'; orgId: string; a?: string; b?: string }
  | { page: 'portfolio'; orgId: string }
  | { page: 'plans'; orgId: string }
  | { page: 'answer'; assessmentId: string }
  | { page: 'results'; assessmentId: string }
  | { page: 'roadmap'; assessmentId: string }
  | { page: 'benchmark'; assessmentId: string }
  | { page: 'scan'; assessmentId: string }
  | { page: 'onsite'; assessmentId: string }
  | { page: 'workshop'; assessmentId: string; workshopId: string }
  | { page: 'workshop-vote'; assessmentId: string; workshopId: string }
  | { page: 'assurance'; assessmentId: string }
  | { page: 'crosswalk'; assessmentId: string; packId?: string }
  | { page: 'not-found' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [a, b, c] = parts;
  if (parts.length === 0) return { page: 'home' };
  if (a === 'sign-in' && parts.length === 1) return { page: 'sign-in' };
  if (a === 'account' && parts.length === 1) return { page: 'account' };
  if (a === 'orgs' && b) {
    if (parts.length === 2) return { page: 'org', orgId: b };
    if (c === 'new' && parts.length === 3) return { page: 'new-assessment', orgId: b };
    if (c === 'members' && parts.length === 3) return { page: 'members', orgId: b };
    if (c === 'portfolio' && parts.length === 3) return { page: 'portfolio', orgId: b };
    if (c === 'plans' && parts.length === 3) return { page: 'plans', orgId: b };
    if (c === 'compare' && parts.length <= 5) {
      const [, , , x, y] = parts;
      return { page: 'compare', orgId: b, ...(x ? { a: x } : {}), ...(y ? { b: y } : {}) };
    }
  }
  if (a === 'assessments' && b) {
    if (parts.length === 2) return { page: 'answer', assessmentId: b };
    if (c === 'results' && parts.length === 3) return { page: 'results', assessmentId: b };
    if (c === 'roadmap' && parts.length === 3) return { page: 'roadmap', assessmentId: b };
    if (c === 'benchmark' && parts.length === 3) return { page: 'benchmark', assessmentId: b };
    if (c === 'scan' && parts.length === 3) return { page: 'scan', assessmentId: b };
    if (c === 'onsite' && parts.length === 3) return { page: 'onsite', assessmentId: b };
    const [, , , w, vote] = parts;
    if (c === 'workshops' && w && parts.length === 4)
      return { page: 'workshop', assessmentId: b, workshopId: w };
    if (c === 'workshops' && w && vote === 'vote' && parts.length === 5)
      return { page: 'workshop-vote', assessmentId: b, workshopId: w };
    if (c === 'assurance' && parts.length === 3) return { page: 'assurance', assessmentId: b };
    if (c === 'crosswalks' && parts.length <= 4)
      return { page: 'crosswalk', assessmentId: b, ...(w ? { packId: w } : {}) };
  }
  return { page: 'not-found' };
}

export function hrefOf(route: Route): string {
  const e = encodeURIComponent;
  switch (route.page) {
    case 'home':
      return '#/';
    case 'sign-in':
      return '#/sign-in';
    case 'account':
      return '#/account';
    case 'org':
      return `#/orgs/${e(route.orgId)}`;
    case 'new-assessment':
      return `#/orgs/${e(route.orgId)}/new`;
    case 'members':
      return `#/orgs/${e(route.orgId)}/members`;
    case 'portfolio':
      return `#/orgs/${e(route.orgId)}/portfolio`;
    case 'plans':
      return `#/orgs/${e(route.orgId)}/plans`;
    case 'compare':
      return `#/orgs/${e(route.orgId)}/compare${route.a ? `/${e(route.a)}` : ''}${route.a && route.b ? `/${e(route.b)}` : ''}`;
    case 'answer':
      return `#/assessments/${e(route.assessmentId)}`;
    case 'results':
      return `#/assessments/${e(route.assessmentId)}/results`;
    case 'roadmap':
      return `#/assessments/${e(route.assessmentId)}/roadmap`;
    case 'benchmark':
      return `#/assessments/${e(route.assessmentId)}/benchmark`;
    case 'scan':
      return `#/assessments/${e(route.assessmentId)}/scan`;
    case 'onsite':
      return `#/assessments/${e(route.assessmentId)}/onsite`;
    case 'workshop':
      return `#/assessments/${e(route.assessmentId)}/workshops/${e(route.workshopId)}`;
    case 'workshop-vote':
      return `#/assessments/${e(route.assessmentId)}/workshops/${e(route.workshopId)}/vote`;
    case 'assurance':
      return `#/assessments/${e(route.assessmentId)}/assurance`;
    case 'crosswalk':
      return `#/assessments/${e(route.assessmentId)}/crosswalks${route.packId ? `/${e(route.packId)}` : ''}`;
    case 'not-found':
      return '#/not-found';
  }
}

export function navigate(route: Route): void {
  window.location.hash = hrefOf(route);
}
