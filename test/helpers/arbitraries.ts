/**
 * fast-check generators for round-trip properties: valid pkimm assessments (as our reader
 * produces them) and official exports shaped like the app's, including the odd ones a person
 * editing by hand makes (reordered keys, missing seeds, unknown fields).
 */
import fc from 'fast-check';
import type {
  Applicability,
  Assessment,
  CategoryAnswer,
  Rating,
  RequirementAnswer,
  ScopeDecision,
} from '../../src/core/assessment/assessment.types.js';
import { indexModel } from '../../src/core/model/model-index.js';
import type { Model } from '../../src/core/model/model.types.js';

const rating = fc.integer({ min: 0, max: 5 }) as fc.Arbitrary<Rating>;
const words = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== '');
const anyText = fc.oneof(
  fc.constant(''),
  words,
  fc.constantFrom('yes', '2026-09-01', '3 - Advanced', 'a: b', 'line one\nline two'),
);

const decision: fc.Arbitrary<ScopeDecision> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<ScopeDecision>({ applicability: 'applicable' }) },
  fc.record({ applicability: fc.constantFrom<Applicability>('partial', 'not-applicable'), reason: words }),
);

// Readers refuse "__proto__" keys (core/assessment/proto-keys.ts), so valid data has none.
const extra = fc.option(
  fc.dictionary(
    fc.constantFrom('pocId', 'artifactIds', 'custom', 'result'),
    fc.jsonValue().filter((value) => !JSON.stringify(value).includes('"__proto__"')),
  ),
  { nil: undefined },
);

function withoutUndefined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}

const categoryAnswer: fc.Arbitrary<CategoryAnswer> = fc
  .record({ level: rating, d: decision, notes: fc.option(anyText, { nil: undefined }), extra })
  .map(({ level, d, notes, extra: kept }) =>
    withoutUndefined({ level, ...d, notes, extra: kept && Object.keys(kept).length > 0 ? kept : undefined }),
  );

const requirementAnswer: fc.Arbitrary<RequirementAnswer> = fc
  .record({
    level: rating,
    d: decision,
    notes: fc.option(anyText, { nil: undefined }),
    evidence: fc.option(anyText, { nil: undefined }),
    flagged: fc.option(fc.boolean(), { nil: undefined }),
    flagNote: fc.option(anyText, { nil: undefined }),
    completed: fc.option(fc.boolean(), { nil: undefined }),
    updatedAt: fc.option(fc.constant('2026-10-02T10:00:00.000Z'), { nil: undefined }),
    extra,
  })
  .map(({ d, extra: kept, ...rest }) =>
    withoutUndefined({ ...rest, ...d, extra: kept && Object.keys(kept).length > 0 ? kept : undefined }),
  );

function answersFor<T>(keys: string[], answer: fc.Arbitrary<T>) {
  return fc
    .subarray(keys, { maxLength: Math.min(8, keys.length) })
    .chain((chosen) =>
      fc
        .tuple(...chosen.map(() => answer))
        .map((values) => Object.fromEntries(chosen.map((key, i) => [key, values[i]])) as Record<string, T>),
    );
}

/** A valid assessment of `model`, as parsePkimmAssessment would return it. */
export function assessmentArbitrary(model: Model): fc.Arbitrary<Assessment> {
  const index = indexModel(model);
  const categoryKeys = index.categories.map((c) => c.key);
  return fc
    .record({
      id: fc.option(fc.uuid(), { nil: undefined }),
      title: anyText,
      mode: fc.constantFrom('self' as const, 'full' as const),
      type: fc.option(fc.constantFrom('self' as const, 'formal' as const, 'third-party' as const), {
        nil: undefined,
      }),
      organisation: fc.option(anyText, { nil: undefined }),
      assessor: fc.option(
        fc.record(
          {
            name: words,
            company: words,
            position: fc.constantFrom('internal' as const, 'external' as const),
          },
          { requiredKeys: ['name'] },
        ),
        { nil: undefined },
      ),
      dates: fc.option(
        fc.record(
          { start: fc.constant('2026-09-01'), finish: fc.constant('2026-10-20') },
          { requiredKeys: ['start'] },
        ),
        { nil: undefined },
      ),
      scope: fc.option(
        fc.record(
          { description: anyText, components: anyText, outOfScope: words, pointsOfInteraction: words },
          { requiredKeys: ['description'] },
        ),
        { nil: undefined },
      ),
      modules: answersFor(
        ['G', 'M', 'O', 'R'],
        decision.filter((d) => d.applicability !== 'applicable'),
      ),
      categories: answersFor(categoryKeys, categoryAnswer),
      requirements: answersFor(
        index.requirements.map((r) => r.key),
        requirementAnswer,
      ),
      withPqc: fc.boolean(),
      relevance: answersFor(
        categoryKeys.map((key) => `pqc.${key}`),
        categoryAnswer,
      ),
    })
    .map(({ withPqc, relevance, ...a }) =>
      withoutUndefined({
        ...a,
        model: { id: model.id, version: model.version },
        extensions: withPqc ? [{ id: 'pqc', version: '0.2.0' }] : [],
        relevance: withPqc ? relevance : {},
      }),
    )
    .map(plain);
}

/** fast-check builds objects without a prototype; files give plain ones. */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

const entryValue = fc.oneof(
  anyText,
  fc.boolean(),
  fc.integer(),
  fc.constant(null),
  fc.array(words, { maxLength: 2 }),
);

function shuffled<T>(items: T[]): fc.Arbitrary<T[]> {
  return fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length });
}

/** A map with the given fields (some optional), in canonical or shuffled order, plus unknown fields. */
function entry(fields: [string, fc.Arbitrary<unknown>, boolean][]): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .tuple(
      fc.tuple(
        ...fields.map(([, arb, optional]) => (optional ? fc.option(arb, { nil: undefined, freq: 2 }) : arb)),
      ),
      fc.dictionary(fc.constantFrom('pocId', 'artifactIds', 'related', 'interviewDate', 'x'), entryValue, {
        maxKeys: 2,
      }),
      fc.boolean(),
      fc.nat(),
    )
    .chain(([values, unknown, reorder]) => {
      const pairs: [string, unknown][] = [
        ...fields.map(([key], i): [string, unknown] => [key, values[i]]).filter(([, v]) => v !== undefined),
        ...Object.entries(unknown),
      ];
      return (reorder ? shuffled(pairs) : fc.constant(pairs)).map((list) => plain(Object.fromEntries(list)));
    });
}

function mapOf(keys: string[], value: fc.Arbitrary<Record<string, unknown>>, all: boolean) {
  const chosen = all ? fc.constant(keys) : fc.subarray(keys, { maxLength: 10 });
  return chosen
    .chain((list) => fc.tuple(shuffledMaybe(list), fc.tuple(...list.map(() => value))))
    .map(([order, values]) => {
      const byKey = new Map(order.map((key) => [key, values[order.indexOf(key)]]));
      return Object.fromEntries(order.map((key) => [key, byKey.get(key)]));
    });
}

function shuffledMaybe(list: string[]) {
  return fc.oneof({ weight: 3, arbitrary: fc.constant(list) }, shuffled(list));
}

/** An official export of `model`: mostly app-shaped, sometimes edited by hand. */
export function officialArbitrary(model: Model): fc.Arbitrary<Record<string, unknown>> {
  const index = indexModel(model);
  const categoryEntry = entry([
    ['level', rating, false],
    ['result', fc.constantFrom('Not Assessed', '3 - Advanced', 'Not Applicable', 'odd'), true],
    ['description', fc.oneof(fc.constant(''), words), true],
    ['applicability', fc.boolean(), true],
    ['applicabilityReason', anyText, true],
    ['notes', anyText, true],
  ]);
  const requirementEntry = entry([
    ['level', rating, false],
    ['applicability', fc.boolean(), false],
    ['notes', anyText, true],
    ['evidence', anyText, true],
    ['applicabilityReason', anyText, true],
    ['flagged', fc.boolean(), true],
    ['flagNote', anyText, true],
    ['completed', fc.oneof(fc.boolean(), fc.constant('yes')), true],
    ['updatedAt', fc.constant('2026-10-02T10:00:00.000Z'), true],
  ]);
  const top = fc.record(
    {
      stateSchemaVersion: fc.constantFrom(1, 2),
      name: anyText,
      id: fc.uuid(),
      progress: fc.oneof(
        mapOf(
          index.categories.map((c) => c.key),
          categoryEntry,
          true,
        ),
        mapOf(
          [...index.categories.map((c) => c.key), `pqc.${index.categories[2]?.key ?? ''}`],
          categoryEntry,
          false,
        ),
      ),
      enabledExtensions: fc.constantFrom([], [{ id: 'pqc', version: '0.2.0' }], ['pqc']),
      assessmentName: anyText,
      assessorName: anyText,
      useCaseDescription: anyText,
      sourceStructure: fc.constantFrom(
        { byKey: {} },
        { byKey: { 'G.x': { moduleId: 'G', categoryName: 'X' } } },
      ),
      meta: fc.constant({ createdAt: '2026-10-01T09:00:00.000Z', updatedAt: '2026-10-02T16:00:00.000Z' }),
      lastView: fc.constantFrom('self', 'full'),
      exportedAt: fc.constant('2026-10-02T16:05:00.000Z'),
      requirementProgress: mapOf(
        index.requirements.map((r) => r.key),
        requirementEntry,
        false,
      ),
      organizationName: anyText,
      assessorPosition: fc.constantFrom('internal', 'external', 'contractor'),
      assessmentType: fc.constantFrom('self', 'formal', 'third-party'),
      startDate: fc.constant('2026-09-01'),
      pkiEnvironment: entry([
        ['components', anyText, true],
        ['outOfScopeConsiderations', anyText, true],
        ['highLevelDesign', anyText, true],
        ['pointsOfInteraction', anyText, true],
      ]),
      workspace: fc.constant({ pocs: [{ id: 'poc-1', name: 'A. Sponsor' }] }),
      actionPlans: fc.constant({ categories: { 'G.x': { targetLevel: 4 } } }),
      futureField: entryValue,
    },
    { requiredKeys: ['stateSchemaVersion', 'progress'] },
  );
  return fc.tuple(top, fc.boolean()).chain(([{ stateSchemaVersion, ...fields }, reorder]) => {
    const pairs = Object.entries({ stateSchemaVersion, dataVersion: model.version, ...fields });
    return (reorder ? shuffled(pairs) : fc.constant(pairs)).map((list) => plain(Object.fromEntries(list)));
  });
}
