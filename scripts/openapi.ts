// Writes the OpenAPI document the server generates from its route schemas to openapi.json
// (`npm run openapi`), or checks that the committed file is current (`npm run openapi -- --check`).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Validator } from '@seriousme/openapi-schema-validator';
import { generateOpenApi, contractProblems } from '../src/server/openapi.js';

const target = fileURLToPath(new URL('../openapi.json', import.meta.url));
const doc = await generateOpenApi();
const text = `${JSON.stringify(doc, null, 2)}\n`;

// A standard validator first (the OpenAPI 3 JSON schema), then the project's own rules.
const validator = new Validator();
const result = await validator.validate(structuredClone(doc));
if (!result.valid) {
  console.error('Tài liệu OpenAPI không hợp lệ:', JSON.stringify(result.errors, null, 2));
  process.exit(1);
}
const problems = contractProblems(doc);
if (problems.length > 0) {
  console.error(`Hợp đồng API còn ${problems.length} chỗ thiếu:\n${problems.join('\n')}`);
  if (!process.argv.includes('--allow-gaps')) process.exit(1);
}
if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(target, 'utf8');
  } catch {
    /* missing */
  }
  if (committed !== text) {
    console.error('openapi.json khác với tài liệu máy chủ sinh ra: hãy chạy "npm run openapi" và commit tệp.');
    process.exit(1);
  }
  console.log('openapi.json khớp với máy chủ.');
} else {
  writeFileSync(target, text);
  console.log(`Đã ghi ${target}`);
}
