/**
 * How much of the issuance is automated, read from the issuers (known ACME CAs and those the
 * scan was told are automated) and from validity periods too short for manual renewal. The
 * requirement asks for documented automation; a scan shows its extent and whether it works,
 * which is what the automation levels describe.
 */
import { isShortLived, notAfterMs } from '../certificate-facts.js';
import { ofPhrase, plural, suggestion, type Level, type ScanRule } from './rule.js';

export const AUTOMATION_THRESHOLDS = {
  /** Below this share of end-entity certificates automated, issuance is manual. */
  some: 0.1,
  /** From here automation is more than individual scripts. */
  most: 0.5,
  /** From here it covers nearly all certificates where it makes sense. */
  nearlyAll: 0.8,
} as const;

export const automationDescriptionRule: ScanRule = {
  id: 'automation-description',
  requirement: 'O.automation.automation-description',
  evaluate(inv) {
    const endEntities = inv.certificates.filter((cert) => !cert.isCa);
    if (endEntities.length === 0) return null;
    const automated = endEntities.filter((cert) => cert.automated === true || isShortLived(cert));
    const expiredAutomated = automated.filter((cert) => {
      const end = notAfterMs(cert);
      return end !== undefined && end < Date.parse(inv.scannedAt);
    }).length;
    const extent = automated.length / endEntities.length;
    const t = AUTOMATION_THRESHOLDS;
    let level: Level;
    if (extent < t.some) level = 1;
    else if (extent < t.most) level = 2;
    else if (extent < t.nearlyAll || expiredAutomated > 0) level = 3;
    else level = 4;
    const reasoning = [
      `${ofPhrase(automated.length, endEntities.length, 'end-entity certificate')} come from an automated (ACME) issuer or are valid for 7 days or less.`,
      expiredAutomated > 0
        ? `${plural(expiredAutomated, 'automatically issued certificate')} had expired at the scan time, so failed renewals go unnoticed.`
        : 'No automatically issued certificate had expired at the scan time.',
    ];
    if (level === 4)
      reasoning.push(
        'Level 5 needs best-practice design and tested exception handling, which a scan cannot show.',
      );
    return suggestion(automationDescriptionRule, level, reasoning);
  },
};
