import { voteSpread, type VoteLevel, type VoteSpread } from '../../../core/assurance/onsite/spread.js';
import { indexModel } from '../../../core/model/model-index.js';
import type { Model } from '../../../core/model/model.types.js';
import { findUserById } from '../../../persistence/repositories/accounts/users.js';
import * as repo from '../../../persistence/repositories/onsite-workshops.js';
import type {
  VoteRecord,
  WorkshopItemRecord,
  WorkshopRecord,
} from '../../../persistence/repositories/onsite-workshops.js';
import type { Principal } from '../../auth/principal.js';
import type { ServiceDeps } from '../../assessments/deps.js';
import { openAssessment, type OpenedAssessment } from '../../assessments/open-assessment.js';
import { findWorkshop } from './workshops.js';

export interface WorkshopSummary {
  id: string;
  title: string;
  status: 'open' | 'closed';
  facilitator: { userId: string; name: string };
  currentKey: string | null;
  openedAt: string;
  closedAt: string | null;
}

export interface VoteView {
  participant: string;
  /** Null for a participant the facilitator typed in. */
  userId: string | null;
  typedIn: boolean;
  level: VoteLevel;
  at: string;
}

export interface ItemView {
  key: string;
  position: string;
  name: string;
  votes: VoteView[];
  spread: VoteSpread;
  agreed: { level: number; notes: string; by: string; at: string; version: number } | null;
}

/** What the shared screen shows in large type: the requirement, its guidance and what each level means. */
export interface CurrentView extends ItemView {
  category: { key: string; name: string };
  guidance: string;
  assessment: string;
  levels: { number: number; name: string; description: string }[];
  scale: { number: number; name: string; meaning: string }[];
}

export interface WorkshopView {
  workshop: WorkshopSummary;
  current: CurrentView | null;
  items: ItemView[];
}

async function summaryOf(deps: ServiceDeps, workshop: WorkshopRecord): Promise<WorkshopSummary> {
  const facilitator = await findUserById(deps.database.db, workshop.facilitatorUserId);
  return {
    id: workshop.id,
    title: workshop.title,
    status: workshop.status,
    facilitator: {
      userId: workshop.facilitatorUserId,
      name: facilitator?.name ?? workshop.facilitatorUserId,
    },
    currentKey: workshop.currentKey,
    openedAt: workshop.openedAt,
    closedAt: workshop.closedAt,
  };
}

function itemView(model: Model, item: WorkshopItemRecord, votes: VoteRecord[]): ItemView {
  const requirement = indexModel(model).requirementByKey.get(item.key);
  const own = votes
    .filter((v) => v.key === item.key)
    .map((v) => ({
      participant: v.participantName,
      userId: v.userId,
      typedIn: v.userId === null,
      level: v.level as VoteLevel,
      at: v.at,
    }));
  const agreed =
    item.agreedLevel === null
      ? null
      : {
          level: item.agreedLevel,
          notes: item.notes ?? '',
          by: item.agreedBy ?? '',
          at: item.agreedAt ?? '',
          version: item.agreedVersion ?? 0,
        };
  return {
    key: item.key,
    position: requirement?.position ?? '',
    name: requirement?.name ?? item.key,
    votes: own,
    spread: voteSpread(own.map((v) => v.level)),
    agreed,
  };
}

function currentView(model: Model, item: ItemView): CurrentView {
  const index = indexModel(model);
  const requirement = index.requirementByKey.get(item.key);
  const category = index.categoryOfRequirement.get(item.key);
  return {
    ...item,
    category: { key: category?.key ?? '', name: category?.name ?? '' },
    guidance: requirement?.guidance ?? '',
    assessment: requirement?.assessment ?? '',
    levels: (category?.levels ?? []).map((l) => ({
      number: l.number,
      name: l.name,
      description: l.description,
    })),
    scale: model.levels.map((l) => ({ number: l.number, name: l.name, meaning: l.meaning })),
  };
}

/** The whole state of a workshop, polled by the shared screen and the participants' devices. */
export async function readWorkshop(
  deps: ServiceDeps,
  principal: Principal | null,
  assessmentId: string,
  workshopId: string,
): Promise<WorkshopView> {
  return (await workshopState(deps, principal, assessmentId, workshopId)).view;
}

/** The workshop's view with the assessment it belongs to (the minutes need its title and model). */
export async function workshopState(
  deps: ServiceDeps,
  principal: Principal | null,
  assessmentId: string,
  workshopId: string,
): Promise<{ opened: OpenedAssessment; view: WorkshopView }> {
  const { opened, workshop } = await findWorkshop(deps, principal, assessmentId, workshopId, 'read');
  const { db } = deps.database;
  const votes = await repo.listVotes(db, workshopId);
  const items = (await repo.listItems(db, workshopId)).map((item) => itemView(opened.model, item, votes));
  const current = items.find((i) => i.key === workshop.currentKey);
  const view = {
    workshop: await summaryOf(deps, workshop),
    current: current ? currentView(opened.model, current) : null,
    items,
  };
  return { opened, view };
}

export async function listWorkshopSummaries(
  deps: ServiceDeps,
  principal: Principal | null,
  assessmentId: string,
): Promise<WorkshopSummary[]> {
  await openAssessment(deps, principal, assessmentId, 'read');
  const workshops = await repo.listWorkshops(deps.database.db, assessmentId);
  return Promise.all(workshops.map((w) => summaryOf(deps, w)));
}
