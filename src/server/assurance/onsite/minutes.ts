import type { VoteSpread } from '../../../core/assurance/onsite/spread.js';
import { VOTE_LEVELS } from '../../../core/assurance/onsite/spread.js';
import { levelName } from '../../../core/model/model-index.js';
import type { Model } from '../../../core/model/model.types.js';
import { escapeHtml } from '../../../reports/render-html.js';
import type { Principal } from '../../auth/principal.js';
import type { ServiceDeps } from '../../assessments/deps.js';
import { workshopState, type ItemView, type WorkshopView } from './workshop-view.js';

export type MinutesFormat = 'md' | 'html';

/** What the minutes say, in the order they say it; both renderings are built from this. */
interface MinutesFacts {
  assessment: string;
  title: string;
  date: string;
  closedAt: string | null;
  facilitator: string;
  participants: string[];
  items: ItemView[];
}

function factsOf(view: WorkshopView, assessmentTitle: string): MinutesFacts {
  const participants: string[] = [];
  for (const item of view.items)
    for (const vote of item.votes)
      if (!participants.includes(vote.participant)) participants.push(vote.participant);
  return {
    assessment: assessmentTitle,
    title: view.workshop.title,
    date: view.workshop.openedAt.slice(0, 10),
    closedAt: view.workshop.closedAt,
    facilitator: view.workshop.facilitator.name,
    participants,
    items: view.items,
  };
}

const spreadLine = (s: VoteSpread) =>
  s.count === 0
    ? 'no votes'
    : `${s.count} vote(s), min ${s.min}, max ${s.max}, median ${s.median}; ` +
      VOTE_LEVELS.map((l) => `level ${l}: ${s.perLevel[l]}`).join(', ');

const agreedLine = (model: Model, item: ItemView) =>
  item.agreed ? `${item.agreed.level} (${levelName(model, item.agreed.level)})` : 'none recorded';

const voteText = (v: ItemView['votes'][number]) =>
  `${v.participant}: ${v.level}${v.typedIn ? ' (typed in by the facilitator)' : ''}`;

// Markdown viewers render inline HTML, so angle brackets and ampersands become entities and
// the characters that start emphasis, links, code or tables are backslash-escaped.
function md(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|#~])/g, '\\$1');
}

function renderMarkdown(facts: MinutesFacts, model: Model): string {
  const out = [
    `# Workshop minutes: ${md(facts.title)}`,
    '',
    `- Assessment: ${md(facts.assessment)}`,
    `- Date: ${facts.date}${facts.closedAt ? ` (closed ${facts.closedAt})` : ' (still open)'}`,
    `- Facilitator: ${md(facts.facilitator)}`,
    `- Participants: ${facts.participants.length === 0 ? 'none' : facts.participants.map(md).join(', ')}`,
  ];
  for (const item of facts.items) {
    out.push('', `## ${item.position} ${md(item.name)} (${item.key})`, '', '### Votes', '');
    out.push(...(item.votes.length === 0 ? ['- none'] : item.votes.map((v) => `- ${md(voteText(v))}`)));
    out.push('', `Spread: ${spreadLine(item.spread)}`, '', `Agreed rating: ${agreedLine(model, item)}`);
    const notes = item.agreed?.notes ?? '';
    if (notes !== '') out.push('', 'Notes:', '', ...notes.split('\n').map((l) => `> ${md(l)}`));
  }
  return `${out.join('\n')}\n`;
}

const STYLE =
  'body{font-family:Roboto,"Segoe UI",Helvetica,Arial,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1f23}' +
  'h2{margin-top:2rem;border-bottom:1px solid #ccd}blockquote{margin:0;padding-left:1rem;border-left:3px solid #ccd}';

const html = (text: string) => text.split('\n').map(escapeHtml).join('<br>');

function renderHtml(facts: MinutesFacts, model: Model): string {
  const items = facts.items.map((item) => {
    const votes =
      item.votes.length === 0
        ? '<li>none</li>'
        : item.votes.map((v) => `<li>${html(voteText(v))}</li>`).join('');
    const notes = item.agreed?.notes
      ? `<p>Notes:</p><blockquote>${html(item.agreed.notes)}</blockquote>`
      : '';
    return (
      `<section><h2>${html(`${item.position} ${item.name} (${item.key})`)}</h2><h3>Votes</h3><ul>${votes}</ul>` +
      `<p>Spread: ${html(spreadLine(item.spread))}</p><p>Agreed rating: ${html(agreedLine(model, item))}</p>${notes}</section>`
    );
  });
  const when = `${facts.date}${facts.closedAt ? ` (closed ${facts.closedAt})` : ' (still open)'}`;
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${html(`Workshop minutes: ${facts.title}`)}</title><style>${STYLE}</style></head><body><main>`,
    `<h1>${html(`Workshop minutes: ${facts.title}`)}</h1>`,
    '<ul>',
    `<li>Assessment: ${html(facts.assessment)}</li>`,
    `<li>Date: ${html(when)}</li>`,
    `<li>Facilitator: ${html(facts.facilitator)}</li>`,
    `<li>Participants: ${facts.participants.length === 0 ? 'none' : facts.participants.map(html).join(', ')}</li>`,
    '</ul>',
    ...items,
    '</main></body></html>',
    '',
  ].join('\n');
}

/** The session's minutes as Markdown or as one standalone HTML page without script. */
export function renderMinutes(
  view: WorkshopView,
  model: Model,
  assessmentTitle: string,
  format: MinutesFormat,
): string {
  const facts = factsOf(view, assessmentTitle);
  return format === 'md' ? renderMarkdown(facts, model) : renderHtml(facts, model);
}

/** The minutes of one workshop as a file: its text, type and a name for the download. */
export async function workshopMinutes(
  deps: ServiceDeps,
  principal: Principal | null,
  assessmentId: string,
  workshopId: string,
  format: MinutesFormat,
): Promise<{ text: string; contentType: string; fileName: string }> {
  const { opened, view } = await workshopState(deps, principal, assessmentId, workshopId);
  return {
    text: renderMinutes(view, opened.model, opened.record.title, format),
    contentType: format === 'md' ? 'text/markdown; charset=utf-8' : 'text/html; charset=utf-8',
    fileName: `workshop-${view.workshop.openedAt.slice(0, 10)}.${format}`,
  };
}
