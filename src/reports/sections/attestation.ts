/** What relying parties need: the method and its trust, and how to verify the signed attestation. */
import { trustOf } from '../format.js';
import type { Block, Table } from '../report-document.js';
import { text, type SectionContext } from './context.js';

export function trust(ctx: SectionContext): Block[] {
  const { input, m, f } = ctx;
  const type = input.assessment.type;
  return [
    { kind: 'heading', level: 1, text: m.section.trust },
    {
      kind: 'facts',
      rows: [
        { label: m.label.type, value: f.type(type) },
        { label: m.label.trust, value: f.trust(trustOf(type)) },
        { label: m.label.assessor, value: f.assessor(input.assessment.assessor) },
      ],
    },
    { kind: 'paragraph', tone: 'muted', text: m.text.trustExplained },
  ];
}

export function verification(ctx: SectionContext): Block[] {
  const { input, m, f } = ctx;
  const blocks: Block[] = [{ kind: 'heading', level: 1, text: m.section.verification }];
  const attestation = input.attestation;
  if (!attestation) {
    blocks.push({ kind: 'paragraph', tone: 'lead', text: m.text.noAttestation });
    return blocks;
  }
  const rows = [
    { label: m.label.attestationId, value: attestation.id },
    { label: m.label.digest, value: attestation.digest },
    { label: m.label.issuedAt, value: f.dateTime(attestation.issuedAt) },
  ];
  if (attestation.issuer) rows.push({ label: m.label.issuer, value: attestation.issuer });
  blocks.push({ kind: 'facts', rows }, { kind: 'paragraph', tone: 'muted', text: m.text.verifyHow });
  return blocks;
}

export function actionPlans(ctx: SectionContext): Block[] {
  const { input, m, index } = ctx;
  const plans = input.actionPlans ?? [];
  const targetName = (key: string | undefined) => {
    if (key === undefined) return '';
    const found = index.requirementByKey.get(key) ?? index.categoryByKey.get(key);
    return found ? `${found.position} ${found.name}` : key;
  };
  const table: Table = {
    kind: 'table',
    columns: [
      { label: m.column.action, width: 'fill' },
      { label: m.column.target, width: 'fill' },
      { label: m.column.owner, width: 'fit' },
      { label: m.column.due, width: 'fit' },
      { label: m.column.status, width: 'fit' },
    ],
    rows: plans.map((plan) => [
      [text(plan.title), text(plan.description)].filter((p) => p !== '').join('\n'),
      targetName(plan.target),
      text(plan.owner),
      plan.due === undefined ? '' : ctx.f.date(plan.due),
      text(plan.status),
    ]),
    empty: m.text.noActionPlans,
  };
  return [{ kind: 'heading', level: 1, text: m.section.actionPlans }, table];
}
