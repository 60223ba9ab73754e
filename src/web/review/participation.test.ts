import { describe, expect, it } from 'vitest';
import type { ParticipantRole } from '../../core/assurance/workflow/workflow.types.js';
import { permissionsFor } from '../app/permissions.js';
import type { Role } from '../api/types.js';
import { NO_WORKFLOW, narrowForParticipants, participationOf, type Participation } from './participation.js';

const statement = { independence: 'none', qualification: 'CISA', statedAt: '2026-01-01T00:00:00.000Z' };

function member(role: Role, participation: Participation, status: 'draft' | 'final' = 'draft') {
  return narrowForParticipants(
    permissionsFor(role, status),
    { orgRole: role, grantRole: null, status },
    participation,
  );
}

function external(participation: Participation) {
  return narrowForParticipants(
    permissionsFor('assessor', 'draft'),
    { orgRole: null, grantRole: 'assessor', status: 'draft' },
    participation,
  );
}

const as = (...roles: ParticipantRole[]): Participation => ({ usesWorkflow: true, roles, stated: false });

describe('participationOf', () => {
  it("collects the user's own roles once each and whether they have stated", () => {
    const list = [
      { userId: 'u1', role: 'assessor' as const, statement },
      { userId: 'u1', role: 'reviewer' as const, statement },
      { userId: 'u2', role: 'respondent' as const, statement: null },
    ];
    expect(participationOf(list, 'u1')).toEqual({
      usesWorkflow: true,
      roles: ['assessor', 'reviewer'],
      stated: true,
    });
    expect(participationOf(list, 'u2')).toEqual({ usesWorkflow: true, roles: ['respondent'], stated: false });
    expect(participationOf(list, 'u3')).toEqual({ usesWorkflow: true, roles: [], stated: false });
    expect(participationOf([], 'u1')).toEqual(NO_WORKFLOW);
  });
});

describe('narrowForParticipants', () => {
  it('changes nothing while the assessment has no participants', () => {
    const owner = member('owner', NO_WORKFLOW);
    expect(owner).toMatchObject({ rate: true, review: true, ask: true, answer: true, consensus: true });
    expect(owner.rateBlocked).toBeNull();
    const contributor = member('contributor', NO_WORKFLOW);
    expect(contributor).toMatchObject({ rate: false, review: false, answer: true, respond: true });
    // Rating was never the contributor's: nothing was narrowed, so no notice is due.
    expect(contributor.rateBlocked).toBeNull();
  });

  it('turns rating off for respondent, reviewer and approver participants and says why', () => {
    for (const role of ['respondent', 'reviewer', 'approver'] as const) {
      const narrowed = member('assessor', as(role));
      expect(narrowed.rate).toBe(false);
      expect(narrowed.rateBlocked).toBe('participant');
      expect(narrowed.consensus).toBe(false);
    }
    expect(member('assessor', as('respondent'))).toMatchObject({
      answer: true,
      respond: true,
      review: false,
    });
    expect(member('viewer', as('reviewer'))).toMatchObject({ review: true, ask: true, rateBlocked: null });
  });

  it('keeps rating for assessor participants and for org raters who hold no participant role', () => {
    expect(member('assessor', as('assessor'))).toMatchObject({ rate: true, consensus: true, review: true });
    const owner = member('owner', as());
    expect(owner).toMatchObject({ rate: true, rateBlocked: null });
    // …but the workflow steps now belong to participants only.
    expect(owner).toMatchObject({
      review: false,
      ask: false,
      answer: false,
      respond: false,
      consensus: false,
    });
  });

  it('never widens: a viewer who is an assessor participant still may not rate', () => {
    expect(member('viewer', as('assessor'))).toMatchObject({ rate: false, consensus: false });
    expect(member('contributor', as('respondent'))).toMatchObject({ respond: true, answer: true });
    expect(member('viewer', as('respondent'))).toMatchObject({ respond: false, answer: false });
  });

  it('blocks an invited assessor until they have stated their independence', () => {
    const before = external(as('assessor'));
    expect(before).toMatchObject({ rate: false, rateBlocked: 'statement', review: false, consensus: false });
    const after = external({ usesWorkflow: true, roles: ['assessor'], stated: true });
    expect(after).toMatchObject({ rate: true, rateBlocked: null, review: true, consensus: true });
    // Not a participant of a workflow assessment at all: no rating, and no statement would help.
    expect(external(as()).rateBlocked).toBe('participant');
    // Without participants an invited assessor rates as before.
    expect(external(NO_WORKFLOW)).toMatchObject({ rate: true, rateBlocked: null });
  });

  it('allows no workflow step on a final assessment', () => {
    const final = member('assessor', as('assessor', 'respondent'), 'final');
    expect(final).toMatchObject({
      rate: false,
      review: false,
      ask: false,
      answer: false,
      respond: false,
      consensus: false,
    });
    expect(final.rateBlocked).toBeNull();
  });
});
