import { mkdirSync } from 'node:fs';
import { loadConfig } from './config.js';
import { loadSecretKey } from './ballots/seal.js';
import { openDatabase } from './db/client.js';
import { buildApp } from './app.js';
import { configureSigningSecret } from './signing/secret-box.js';
import { DEMO_USERNAMES, isDatabaseEmpty, seedDemo } from './demo/seed.js';
import { purgeExpiredSessions } from './auth/sessions.js';
import { refreshStatistics, scheduleMaintenance } from './db/maintenance.js';
import { startJobs } from './jobs/runner.js';
import { prewarmPdfConverter } from './office/soffice.js';

const config = loadConfig();
if (!config.databaseUrl || !process.env.TDKT_SECRET_KEY) mkdirSync(config.dataDir, { recursive: true });
try {
  config.secretKey = loadSecretKey(process.env, config.dataDir);
} catch (err) {
  console.error(
    `Không đọc được khóa bí mật của máy chủ: ${err instanceof Error ? err.message : String(err)}. Đặt TDKT_SECRET_KEY hoặc kiểm tra tệp secret.key trong DATA_DIR.`,
  );
  process.exit(1);
}
const database = await openWithRetry();

/** Opens the database; a PostgreSQL server that does not answer yet is retried, with a Vietnamese message instead of a stack trace. */
async function openWithRetry() {
  for (let attempt = 1; ; attempt++) {
    try {
      return await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      if (!config.databaseUrl) {
        console.error(
          `Không mở được cơ sở dữ liệu PGlite tại ${config.dataDir}: ${reason}. Kiểm tra thư mục DATA_DIR (quyền ghi, dung lượng đĩa) rồi chạy lại.`,
        );
        process.exit(1);
      }
      const wait = Math.min(30, 2 ** Math.min(attempt, 5));
      console.error(`Không kết nối được PostgreSQL (DATABASE_URL), lần ${attempt}: ${reason}. Thử lại sau ${wait} giây…`);
      await new Promise((r) => setTimeout(r, wait * 1000));
    }
  }
}

if (config.demo && (await isDatabaseEmpty(database.db))) {
  // The demo's signing credentials are sealed with the server secret: set it before seeding.
  configureSigningSecret(config.secretKey);
  const demo = await seedDemo(database.db, config.demoPassword);
  console.log('Đã tạo dữ liệu mẫu (Sở KH&CN tỉnh Cao Bằng).');
  console.log(`Tài khoản mẫu: ${DEMO_USERNAMES.join(', ')}`);
  console.log(demo.generated ? `Mật khẩu (sinh ngẫu nhiên, hãy ghi lại): ${demo.password}` : 'Mật khẩu: giá trị của TDKT_DEMO_PASSWORD');
}
await purgeExpiredSessions(database.db);
const stopMaintenance = scheduleMaintenance(database);
const stopJobs = startJobs(database.db);
// Fresh statistics matter for list speed on PGlite; done in the background so start-up stays fast.
void refreshStatistics(database).catch((err: unknown) => console.error('Bảo trì cơ sở dữ liệu thất bại:', err));

const app = await buildApp({ database, config, logger: process.env.TDKT_LOG === '1' });
await app.listen({ port: config.port, host: config.host });
// The first PDF should not wait for LibreOffice to start (several seconds).
prewarmPdfConverter();
console.log(
  `TĐKT đang chạy tại http://localhost:${config.port} (cơ sở dữ liệu: ${database.kind === 'pglite' ? `PGlite tại ${config.dataDir}` : 'PostgreSQL'})`,
);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    stopMaintenance();
    stopJobs();
    void app
      .close()
      .then(() => database.close())
      .then(() => process.exit(0));
  });
}
