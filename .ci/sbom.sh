#!/usr/bin/env bash
# The software bill of materials (CycloneDX) is produced from the lockfile and names every
# dependency package.json declares, runtime and development, at the version it pins. (npm's
# --omit dev also drops runtime packages that a dev tool shares, such as yaml, so it is not used.)
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(mktemp)"
npm run -s sbom > "$out"
node --input-type=module -e '
import { readFileSync } from "node:fs";
const bom = JSON.parse(readFileSync(process.argv[1], "utf8"));
const pkg = JSON.parse(readFileSync("package.json", "utf8"));
if (bom.bomFormat !== "CycloneDX") throw new Error("not a CycloneDX document");
const have = new Set(bom.components.map((c) => `${c.group ? c.group + "/" : ""}${c.name}@${c.version}`));
const declared = { ...pkg.dependencies, ...pkg.devDependencies };
const missing = Object.entries(declared).filter(([n, v]) => !have.has(`${n}@${v}`));
if (missing.length > 0) throw new Error(`missing from the SBOM: ${missing.map(([n, v]) => n + "@" + v).join(", ")}`);
console.log(`SBOM: ${bom.components.length} components, all ${Object.keys(declared).length} declared dependencies present`);
' "$out"
