import * as fs from "node:fs";
import * as path from "node:path";
import { generateSchema, schemaText } from "./generate";
import { SCHEMA_FILE, SDK_LANGUAGES, generateSdk } from "./sdk";

/*
 * `npm run schema`: writes src/plugin/schema.json from the TypeScript sources, then sdk/nodejs and
 * sdk/python from it, replacing what was there. Run from the repository root (npm does).
 */
const root = path.resolve(__dirname, "../../..");
const started = Date.now();
fs.writeFileSync(path.join(root, SCHEMA_FILE), schemaText(generateSchema(root)));
console.log(`wrote ${SCHEMA_FILE}`);
for (const language of SDK_LANGUAGES) {
  const out = path.join(root, "sdk", language);
  process.stdout.write(generateSdk(root, language, out).replace(out, `sdk/${language}`));
}
console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
