// Checks the dashboard's pre-aggregate (honor_award_facts) against a recount of honor_awards, and
// with --rebuild recomputes it. The database triggers keep it exact; run this after a restore of a
// partial dump or a manual SQL fix that bypassed them (docs/operations.md). Stop the app first on
// PGlite (one process per data folder).
// Usage: npx tsx scripts/honor-facts.ts [--rebuild]   (DATA_DIR or DATABASE_URL as for the app)
import { loadConfig } from '../src/server/config.js';
import { openDatabase } from '../src/server/db/client.js';
import { honorAwardFactsDrift, rebuildHonorAwardFacts } from '../src/server/repositories/dashboard.js';

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  const drift = await honorAwardFactsDrift(database.db);
  console.log(drift.length === 0 ? 'Số liệu tổng hợp của bảng điều hành khớp với dữ liệu khen thưởng.' : `Lệch ${drift.length} nhóm số liệu:`);
  for (const d of drift.slice(0, 20))
    console.log(`  năm ${d.year}, ${d.honor}, đơn vị ${d.unitId}, tháng ${d.month}: tổng hợp ${d.factsN}, thực tế ${d.liveN}`);
  if (drift.length > 0 && process.argv.includes('--rebuild')) {
    await database.db.transaction((tx) => rebuildHonorAwardFacts(tx));
    console.log(`Đã tính lại; còn lệch ${(await honorAwardFactsDrift(database.db)).length} nhóm.`);
  } else if (drift.length > 0) process.exitCode = 1;
} finally {
  await database.close();
}
