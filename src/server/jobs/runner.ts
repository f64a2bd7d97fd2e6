import type { Db } from '../db/client.js';
import { loadJobConfig, type JobConfig } from './config.js';
import { runReminderTick } from './reminders.js';
import { notifyConsultationDeadlines } from '../commands/consultations.js';

/**
 * Starts the background jobs (deadline reminders, e-mail outbox) on an interval; returns a stop
 * function. Ticks never overlap; a failing tick is logged and the next one tries again.
 */
export function startJobs(db: Db, config: JobConfig = loadJobConfig()): () => void {
  let running = false;
  let stopped = false;
  const tick = async () => {
    if (running || stopped) return;
    running = true;
    try {
      await runReminderTick(db, { config });
      // Hiệp y answers due today or lapsed: the Office is told once per request and deadline.
      await notifyConsultationDeadlines(db);
    } catch (err) {
      console.error('Tác vụ nhắc hạn gặp lỗi:', err);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void tick(), 5_000);
  const timer = setInterval(() => void tick(), config.intervalMs);
  first.unref();
  timer.unref();
  return () => {
    stopped = true;
    clearTimeout(first);
    clearInterval(timer);
  };
}
