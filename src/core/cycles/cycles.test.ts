import { describe, expect, it } from 'vitest';
import { emptyAssessment, rate } from '../../../test/support/assessments.js';
import { factsModel } from '../../../test/support/facts-model.js';
import { scoreAssessment } from '../scoring/score-assessment.js';
import { addMonths, isCalendarDay } from './dates.js';
import { baselineOf, CARRIED_REASON, nextCycleAssessment } from './next-cycle.js';
import { defaultReminder, reminderState } from './reminder.js';
import { isStale, staleIds } from './staleness.js';
import { trendSeries } from './trend.js';

const model = factsModel('2.0.0');

describe('calendar months', () => {
  it('clamps to the last day of a shorter month and crosses years', () => {
    expect(addMonths(new Date('2025-01-31T10:00:00Z'), 1).toISOString()).toBe('2025-02-28T10:00:00.000Z');
    expect(addMonths(new Date('2024-02-29T00:00:00Z'), 12).toISOString()).toBe('2025-02-28T00:00:00.000Z');
    expect(addMonths(new Date('2025-11-15T00:00:00Z'), 3).toISOString()).toBe('2026-02-15T00:00:00.000Z');
  });
  it('recognises real calendar days only', () => {
    expect(isCalendarDay('2026-02-28')).toBe(true);
    expect(isCalendarDay('2026-02-30')).toBe(false);
    expect(isCalendarDay('2026-2-3')).toBe(false);
  });
});

describe('stale evidence', () => {
  const created = '2025-03-10T12:00:00.000Z';
  it('is fresh a day before the age limit and stale a day after it', () => {
    expect(isStale(created, new Date('2026-03-09T12:00:00Z'), 12)).toBe(false);
    expect(isStale(created, new Date('2026-03-10T12:00:00Z'), 12)).toBe(false);
    expect(isStale(created, new Date('2026-03-11T12:00:00Z'), 12)).toBe(true);
  });
  it('follows the configured age', () => {
    expect(isStale(created, new Date('2025-09-11T12:00:00Z'), 6)).toBe(true);
    expect(
      staleIds(
        [
          { id: 'a', createdAt: created },
          { id: 'b', createdAt: '2026-01-01T00:00:00Z' },
        ],
        new Date('2026-04-01T00:00:00Z'),
        12,
      ),
    ).toEqual(['a']);
  });
});

describe('re-assessment reminder', () => {
  it('defaults to one year after the assessment was made final', () => {
    expect(defaultReminder('2025-06-30T23:59:00.000Z')).toBe('2026-06-30');
  });
  it('is upcoming, due within 30 days, and overdue after the day', () => {
    expect(reminderState('2026-06-30', new Date('2026-05-30T00:00:00Z'))).toBe('upcoming');
    expect(reminderState('2026-06-30', new Date('2026-05-31T00:00:00Z'))).toBe('due');
    expect(reminderState('2026-06-30', new Date('2026-06-30T23:00:00Z'))).toBe('due');
    expect(reminderState('2026-06-30', new Date('2026-07-01T00:00:00Z'))).toBe('overdue');
  });
});

describe('next cycle', () => {
  const previous = emptyAssessment(model);
  previous.type = 'formal';
  previous.scope = { description: 'Issuing CA' };
  rate(previous, 'G.strategy-and-vision.sponsor-support', 4);
  previous.requirements['G.strategy-and-vision.architecture'] = {
    applicability: 'not-applicable',
    level: 0,
  };
  previous.modules.O = { applicability: 'partial', reason: 'only the online CA' };

  it('keeps scope, type and applicability but no ratings', () => {
    const next = nextCycleAssessment(previous, 'n1', 'Next');
    expect(next).toMatchObject({
      id: 'n1',
      title: 'Next',
      type: 'formal',
      scope: { description: 'Issuing CA' },
    });
    expect(next.modules.O).toEqual({ applicability: 'partial', reason: 'only the online CA' });
    expect(next.requirements['G.strategy-and-vision.architecture']).toEqual({
      applicability: 'not-applicable',
      reason: CARRIED_REASON,
      level: 0,
    });
    expect(next.requirements['G.strategy-and-vision.sponsor-support']).toBeUndefined();
    expect(scoreAssessment(model, next).overall.raw).toBeNull();
  });

  it('takes the rated levels as the baseline', () => {
    expect(baselineOf(previous).requirements).toEqual({ 'G.strategy-and-vision.sponsor-support': 4 });
  });
});

describe('trend', () => {
  it('orders the points oldest first and takes the raw levels of the scoring engine', () => {
    const first = emptyAssessment(model);
    rate(first, 'G.strategy-and-vision.sponsor-support', 2);
    const second = emptyAssessment(model);
    rate(second, 'G.strategy-and-vision.sponsor-support', 4);
    const s1 = scoreAssessment(model, first);
    const s2 = scoreAssessment(model, second);
    const series = trendSeries([
      { assessmentId: 'b', title: 'B', at: '2026-01-01', score: s2 },
      { assessmentId: 'a', title: 'A', at: '2025-01-01', score: s1 },
    ]);
    expect(series.points.map((p) => p.assessmentId)).toEqual(['a', 'b']);
    expect(series.points[1]!.overall).toBe(s2.overall.raw);
    expect(series.points[0]!.categories['G.strategy-and-vision']).toBe(
      s1.categories.find((c) => c.key === 'G.strategy-and-vision')!.raw,
    );
    expect(series.categories).toHaveLength(s1.categories.length);
  });
});
