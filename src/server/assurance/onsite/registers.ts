import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import {
  distinct,
  unknownInterviewees,
  type ArtifactFields,
  type ContactFields,
  type InterviewFields,
} from '../../../core/assurance/onsite/registers.js';
import { PkimmError } from '../../../core/errors.js';
import { appendLog } from '../../../persistence/repositories/assessment-log.js';
import * as repo from '../../../persistence/repositories/onsite.js';
import type { RegisterMeta } from '../../../persistence/repositories/onsite.js';
import type { Database } from '../../../persistence/schema.js';
import type { Principal } from '../../auth/principal.js';
import type { ServiceDeps } from '../../assessments/deps.js';
import { assertNoIssues, unknownKeyIssues } from '../../assessments/model-issues.js';
import { assertNotFinal, openAssessment, type OpenedAssessment } from '../../assessments/open-assessment.js';

export type RegisterKind = 'contacts' | 'artifacts' | 'interviews';

export interface FieldsOf {
  contacts: ContactFields;
  artifacts: ArtifactFields;
  interviews: InterviewFields;
}

/** An entry as the API shows it: its fields, who made it and when. */
export type EntryView<K extends RegisterKind> = Omit<RegisterMeta & FieldsOf[K], 'orgId' | 'assessmentId'>;

type Db = Kysely<Database> | Transaction<Database>;

interface RegisterStore<F> {
  /** The singular used in log events and messages. */
  noun: string;
  list(db: Db, assessmentId: string): Promise<(RegisterMeta & F)[]>;
  insert(db: Db, record: RegisterMeta & F): Promise<void>;
  update(db: Db, id: string, fields: F, at: string): Promise<void>;
  remove(db: Db, id: string): Promise<void>;
}

const STORES: { [K in RegisterKind]: RegisterStore<FieldsOf[K]> } = {
  contacts: {
    noun: 'contact',
    list: repo.listContacts,
    insert: repo.insertContact,
    update: repo.updateContact,
    remove: repo.deleteContact,
  },
  artifacts: {
    noun: 'artifact',
    list: repo.listArtifacts,
    insert: repo.insertArtifact,
    update: repo.updateArtifact,
    remove: repo.deleteArtifact,
  },
  interviews: {
    noun: 'interview',
    list: repo.listInterviews,
    insert: repo.insertInterview,
    update: repo.updateInterview,
    remove: repo.deleteInterview,
  },
};

function view<K extends RegisterKind>(record: RegisterMeta & FieldsOf[K]): EntryView<K> {
  const { orgId: _org, assessmentId: _assessment, ...rest } = record;
  return rest;
}

export async function listEntries<K extends RegisterKind>(
  deps: ServiceDeps,
  principal: Principal | null,
  assessmentId: string,
  kind: K,
): Promise<EntryView<K>[]> {
  await openAssessment(deps, principal, assessmentId, 'read');
  const store = STORES[kind] as RegisterStore<FieldsOf[K]>;
  return (await store.list(deps.database.db, assessmentId)).map((r) => view<K>(r));
}

/**
 * Checks what the request body's schema cannot: the requirement keys exist in the assessment's
 * model, and interviewees are contacts of this very assessment (never of another one).
 */
async function checkedFields<K extends RegisterKind>(
  deps: ServiceDeps,
  opened: OpenedAssessment,
  kind: K,
  fields: FieldsOf[K],
): Promise<FieldsOf[K]> {
  const requirements = distinct(fields.requirements);
  assertNoIssues(
    unknownKeyIssues(opened.assessment, opened.model, 'requirements', requirements),
    'register entries must be linked to requirements of the model',
  );
  if (kind !== 'interviews') return { ...fields, requirements };
  const interview = fields as InterviewFields;
  const interviewees = distinct(interview.interviewees);
  const contacts = await repo.listContacts(deps.database.db, opened.record.id);
  const unknown = unknownInterviewees(interviewees, new Set(contacts.map((c) => c.id)));
  if (unknown.length > 0)
    throw new PkimmError('VALIDATION_FAILED', 'interviewees must be contacts of this assessment', {
      issues: unknown.map((u) => ({
        path: `body.interviewees.${u.index}`,
        message: `no contact ${u.id} here`,
      })),
    });
  return { ...interview, interviewees, requirements } as FieldsOf[K];
}

async function openForRegister(deps: ServiceDeps, principal: Principal | null, assessmentId: string) {
  const opened = await openAssessment(deps, principal, assessmentId, 'annotate');
  assertNotFinal(opened);
  return opened;
}

const logOf = (opened: OpenedAssessment, at: string, event: string, detail: Record<string, unknown>) => ({
  assessmentId: opened.record.id,
  orgId: opened.record.orgId,
  at,
  actor: opened.principal.userId,
  event,
  detail,
});

export async function createEntry<K extends RegisterKind>(
  deps: ServiceDeps,
  principal: Principal | null,
  assessmentId: string,
  kind: K,
  input: FieldsOf[K],
): Promise<EntryView<K>> {
  const opened = await openForRegister(deps, principal, assessmentId);
  const fields = await checkedFields(deps, opened, kind, input);
  const store = STORES[kind] as RegisterStore<FieldsOf[K]>;
  const at = deps.now().toISOString();
  const record = {
    id: randomUUID(),
    orgId: opened.record.orgId,
    assessmentId,
    createdBy: opened.principal.userId,
    createdAt: at,
    updatedAt: at,
    ...fields,
  };
  await deps.database.db.transaction().execute(async (trx) => {
    await store.insert(trx, record);
    await appendLog(trx, logOf(opened, at, `onsite.${store.noun}.added`, { id: record.id, ...fields }));
  });
  return view<K>(record);
}

async function existing<K extends RegisterKind>(db: Db, assessmentId: string, kind: K, id: string) {
  const store = STORES[kind] as RegisterStore<FieldsOf[K]>;
  const found = (await store.list(db, assessmentId)).find((r) => r.id === id);
  if (!found) throw new PkimmError('NOT_FOUND', `no ${store.noun} ${id} in this assessment`);
  return { store, found };
}

/** Replaces an entry's fields; its id, author and creation time stay. */
export async function replaceEntry<K extends RegisterKind>(
  deps: ServiceDeps,
  principal: Principal | null,
  assessmentId: string,
  kind: K,
  id: string,
  input: FieldsOf[K],
): Promise<EntryView<K>> {
  const opened = await openForRegister(deps, principal, assessmentId);
  const { store, found } = await existing(deps.database.db, assessmentId, kind, id);
  const fields = await checkedFields(deps, opened, kind, input);
  const at = deps.now().toISOString();
  await deps.database.db.transaction().execute(async (trx) => {
    await store.update(trx, id, fields, at);
    await appendLog(trx, logOf(opened, at, `onsite.${store.noun}.changed`, { id, ...fields }));
  });
  return view<K>({ ...found, ...fields, updatedAt: at });
}

/** Removes an entry; a contact an interview still names stays (409), so no interview loses a person. */
export async function deleteEntry(
  deps: ServiceDeps,
  principal: Principal | null,
  assessmentId: string,
  kind: RegisterKind,
  id: string,
): Promise<void> {
  const opened = await openForRegister(deps, principal, assessmentId);
  const { store } = await existing(deps.database.db, assessmentId, kind, id);
  const at = deps.now().toISOString();
  await deps.database.db.transaction().execute(async (trx) => {
    if (kind === 'contacts') {
      const interviews = await repo.interviewsOfContact(trx, id);
      if (interviews > 0)
        throw new PkimmError(
          'CONFLICT',
          `this contact is an interviewee of ${interviews} interview(s); change those first`,
        );
    }
    await store.remove(trx, id);
    await appendLog(trx, logOf(opened, at, `onsite.${store.noun}.removed`, { id }));
  });
}

/** Everything on the registers linked to one requirement, for its page during an assessment. */
export async function onsiteOfRequirement(
  deps: ServiceDeps,
  principal: Principal | null,
  assessmentId: string,
  key: string,
): Promise<{
  contacts: EntryView<'contacts'>[];
  artifacts: EntryView<'artifacts'>[];
  interviews: EntryView<'interviews'>[];
}> {
  const opened = await openAssessment(deps, principal, assessmentId, 'read');
  assertNoIssues(
    unknownKeyIssues(opened.assessment, opened.model, 'requirements', [key]),
    `unknown requirement ${key}`,
  );
  const { db } = deps.database;
  const linked = <T extends { requirements: string[] }>(entries: T[]) =>
    entries.filter((e) => e.requirements.includes(key));
  return {
    contacts: linked(await repo.listContacts(db, assessmentId)).map((r) => view<'contacts'>(r)),
    artifacts: linked(await repo.listArtifacts(db, assessmentId)).map((r) => view<'artifacts'>(r)),
    interviews: linked(await repo.listInterviews(db, assessmentId)).map((r) => view<'interviews'>(r)),
  };
}
