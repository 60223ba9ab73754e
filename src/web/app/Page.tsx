import { lazy, Suspense } from 'react';
import { useT } from '../i18n/useT.js';
import type { Route } from '../router/routes.js';
import { AnswerPage } from '../pages/AnswerPage.js';
import { HomePage } from '../pages/HomePage.js';
import { MembersPage } from '../pages/MembersPage.js';
import { NewAssessmentPage } from '../pages/NewAssessmentPage.js';
import { OrgPage } from '../pages/OrgPage.js';

const ResultsPage = lazy(() => import('../results/ResultsPage.js'));
const ComparePage = lazy(() => import('../results/ComparePage.js'));
const PortfolioPage = lazy(() => import('../cycles/PortfolioPage.js'));
const RoadmapPage = lazy(() => import('../roadmap/RoadmapPage.js'));
const BenchmarkPage = lazy(() => import('../benchmark/BenchmarkPage.js'));
const PlansPage = lazy(() => import('../plans/PlansPage.js'));
const ScanPage = lazy(() => import('../scan/ScanPage.js'));
const OnsitePage = lazy(() => import('../onsite/OnsitePage.js'));
const WorkshopPage = lazy(() => import('../onsite/WorkshopPage.js'));
const VotePage = lazy(() => import('../onsite/VotePage.js'));
const AssurancePage = lazy(() => import('../assurance/AssurancePage.js'));
const CrosswalkPage = lazy(() => import('../crosswalk/CrosswalkPage.js'));
const AccountPage = lazy(() => import('../account/AccountPage.js'));

/** The page for a route, for a signed-in user. */
export function Page({ route }: { route: Route }) {
  const t = useT();
  switch (route.page) {
    case 'home':
    case 'sign-in':
      return <HomePage />;
    case 'account':
      return (
        <Suspense fallback={<p>{t('app.loading')}</p>}>
          <AccountPage />
        </Suspense>
      );
    case 'org':
      return <OrgPage orgId={route.orgId} />;
    case 'new-assessment':
      return <NewAssessmentPage orgId={route.orgId} />;
    case 'members':
      return <MembersPage orgId={route.orgId} />;
    case 'answer':
      return <AnswerPage key={route.assessmentId} assessmentId={route.assessmentId} />;
    case 'results':
      return (
        <Suspense fallback={<p>{t('app.loading')}</p>}>
          <ResultsPage assessmentId={route.assessmentId} />
        </Suspense>
      );
    case 'roadmap':
      return (
        <Suspense fallback={<p>{t('app.loading')}</p>}>
          <RoadmapPage key={route.assessmentId} assessmentId={route.assessmentId} />
        </Suspense>
      );
    case 'benchmark':
      return (
        <Suspense fallback={<p>{t('app.loading')}</p>}>
          <BenchmarkPage key={route.assessmentId} assessmentId={route.assessmentId} />
        </Suspense>
      );
    case 'onsite':
      return (
        <Suspense fallback={<p>{t('app.loading')}</p>}>
          <OnsitePage key={route.assessmentId} assessmentId={route.assessmentId} />
        </Suspense>
      );
    case 'workshop':
      return (
        <Suspense fallback={<p>{t('app.loading')}</p>}>
          <WorkshopPage
            key={route.workshopId}
            assessmentId={route.assessmentId}
            workshopId={route.workshopId}
          />
        </Suspense>
      );
    case 'workshop-vote':
      return (
        <Suspense fallback={<p>{t('app.loading')}</p>}>
          <VotePage key={route.workshopId} assessmentId={route.assessmentId} workshopId={route.workshopId} />
        </Suspense>
      );
    case 'scan':
      return (
        <Suspense fallback={<p>{t('app.loading')}</p>}>
          <ScanPage key={route.assessmentId} assessmentId={route.assessmentId} />
        </Suspense>
      );
    case 'assurance':
      return (
        <Suspense fallback={<p>{t('app.loading')}</p>}>
          <AssurancePage key={route.assessmentId} assessmentId={route.assessmentId} />
        </Suspense>
      );
    case 'crosswalk':
      return (
        <Suspense fallback={<p>{t('app.loading')}</p>}>
          <CrosswalkPage
            key={route.assessmentId}
            assessmentId={route.assessmentId}
            {...(route.packId === undefined ? {} : { packId: route.packId })}
          />
        </Suspense>
      );
    case 'compare':
      return (
        <Suspense fallback={<p>{t('app.loading')}</p>}>
          <ComparePage orgId={route.orgId} a={route.a} b={route.b} />
        </Suspense>
      );
    case 'plans':
      return (
        <Suspense fallback={<p>{t('app.loading')}</p>}>
          <PlansPage key={route.orgId} orgId={route.orgId} />
        </Suspense>
      );
    case 'portfolio':
      return (
        <Suspense fallback={<p>{t('app.loading')}</p>}>
          <PortfolioPage orgId={route.orgId} />
        </Suspense>
      );
    case 'not-found':
      return (
        <>
          <h1 tabIndex={-1}>{t('app.notFound')}</h1>
          <p>{t('app.notFoundBody')}</p>
        </>
      );
  }
}
