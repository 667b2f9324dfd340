// Times the official connect.yaml parser on one file: node timing.mjs FILE [SECONDS]
// Warms up, then prints {"file", "rounds", "msPerParse", "cpuMsPerParse"} as JSON: wall time per
// parse (median of 5 rounds) and CPU time of the whole process per parse over those rounds.
import fs from "node:fs";
import { ConnectorSpecificationParser } from "@commercetools-connect/specification";

const file = process.argv[2];
const seconds = Number(process.argv[3] || 10);
const text = fs.readFileSync(file, "utf8");
const parser = new ConnectorSpecificationParser();
await parser.parse(text); // must be valid
async function run(ms) {
  let n = 0;
  const start = process.hrtime.bigint();
  const end = start + BigInt(Math.round(ms * 1e6));
  let now = start;
  while (now < end) {
    await parser.parse(text);
    n++;
    now = process.hrtime.bigint();
  }
  return { n, ms: Number(now - start) / 1e6 };
}
await run(Math.max(2000, seconds * 300)); // warm-up
const rounds = [];
const cpu = process.cpuUsage();
let parses = 0;
for (let i = 0; i < 5; i++) {
  const r = await run((seconds * 1000) / 5);
  rounds.push(r.ms / r.n);
  parses += r.n;
}
const used = process.cpuUsage(cpu);
rounds.sort((a, b) => a - b);
const cpuMsPerParse = (used.user + used.system) / 1000 / parses;
process.stdout.write(JSON.stringify({ file, rounds, msPerParse: rounds[2], cpuMsPerParse }) + "\n");
