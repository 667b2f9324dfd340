// Verdicts of the official connect.yaml parser (@commercetools-connect/specification) on many files
// in one process: reads a JSON array of file paths on stdin, prints one JSON line per file:
// {"file": ..., "valid": true|false, "paths": [...], "error": "..."}. Used by ConnectYamlDifferentialTest.
import fs from "node:fs";
import { ConnectorSpecificationParser } from "@commercetools-connect/specification";

const parser = new ConnectorSpecificationParser();
const files = JSON.parse(fs.readFileSync(0, "utf8"));
const originalWarn = console.warn;
console.warn = () => {}; // the yaml library warns about unknown tags on stderr
for (const file of files) {
  const text = fs.readFileSync(file, "utf8");
  let line;
  try {
    await parser.parse(text);
    line = { file, valid: true, paths: [] };
  } catch (err) {
    const message = String(err && err.message);
    const paths = [...message.matchAll(/^\[([^\]]*)\]:/gm)].map((m) => m[1]);
    line = { file, valid: false, paths, error: message.slice(0, 300) };
  }
  process.stdout.write(JSON.stringify(line) + "\n");
}
console.warn = originalWarn;
