// Warns of direct dependencies with a newer release than the pinned one (ASVS 1.14.3). A
// warning only: many newer releases need Node 22 (docs in the stack notes), so an update is a
// decision for a person, and the registry's advisory (audit) endpoint is not reachable here.
import { spawnSync } from 'node:child_process';

const run = spawnSync('npm', ['outdated', '--json'], { encoding: 'utf8' });
let outdated;
try {
  outdated = JSON.parse(run.stdout || '{}');
} catch {
  console.log(`warning: npm outdated gave no readable answer (${run.stderr.trim().split('\n')[0] ?? ''})`);
  process.exit(0);
}
if (outdated.error) {
  console.log(`warning: npm outdated failed: ${outdated.error.summary ?? JSON.stringify(outdated.error)}`);
  process.exit(0);
}
const rows = Object.entries(outdated)
  .map(([name, info]) => ({ name, pinned: info.wanted ?? info.current, latest: info.latest }))
  .filter((row) => row.pinned !== row.latest)
  .sort((a, b) => a.name.localeCompare(b.name));
if (rows.length === 0) console.log('every direct dependency is at its latest release');
else {
  const width = Math.max(...rows.map((row) => row.name.length));
  console.log(`warning: ${rows.length} direct dependencies have a newer release:`);
  for (const row of rows) console.log(`  ${row.name.padEnd(width)}  ${row.pinned} -> ${row.latest}`);
}
