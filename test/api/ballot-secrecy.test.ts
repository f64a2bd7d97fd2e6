/**
 * The secret ballot against someone who reads the whole database as a superuser (issue #20):
 * 15 members vote with known choices through the API, then every row of every table is read with
 * its `xmin` and `ctid`, and the pairing attacks are tried — rows of the voter's own transaction,
 * rows of the nearest transaction, rows at the same physical rank. None may read a choice better
 * than chance; the tally at closing is still exact.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { createTestApp, type Client, type TestApp } from '../helpers/app.js';
import { completeDocuments, ok, staffOf, unitByCode } from '../helpers/dossiers.js';
import { setClock } from '../../src/server/clock.js';
import { accounts, councilMembers, councils, people, units } from '../../src/server/db/schema/index.js';
import { hashPassword } from '../../src/server/auth/passwords.js';
import { rowsOf } from '../../src/server/repositories/dossiers.js';
import type { BallotChoice } from '../../src/shared/dossiers.js';

type Row = { table: string; xmin: bigint; ctid: [number, number]; row: Record<string, unknown> };

/** Every row of every table of the schema, with its transaction id and physical address. */
async function dumpDatabase(t: TestApp): Promise<Row[]> {
  const tables = rowsOf<{ table_name: string }>(
    await t.db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`),
  ).map((r) => r.table_name);
  assert.ok(tables.length > 20);
  const out: Row[] = [];
  for (const table of tables) {
    const rows = rowsOf<{ xmin: string; ctid: string; row: Record<string, unknown> }>(
      await t.db.execute(sql.raw(`select xmin::text as xmin, ctid::text as ctid, to_jsonb(x) as row from "${table}" x`)),
    );
    for (const r of rows) {
      const [page, tuple] = r.ctid.replace(/[()]/g, '').split(',').map(Number);
      out.push({ table, xmin: BigInt(r.xmin), ctid: [page!, tuple!], row: typeof r.row === 'string' ? (JSON.parse(r.row) as Record<string, unknown>) : r.row });
    }
  }
  return out;
}

const byCtid = (a: Row, b: Row) => a.ctid[0] - b.ctid[0] || a.ctid[1] - b.ctid[1];
const distance = (a: bigint, b: bigint) => (a > b ? a - b : b - a);

/**
 * The attacks: for each voter (their "has voted" mark), the rows an attacker would pair with it —
 * written by the same transaction, by the nearest other transaction of each table, or at the same
 * rank in physical (ctid) order of each table. Each (attack, table, column) is a feature whose value
 * per voter the attacker may compare with the others'.
 */
function features(dump: Row[], marks: Row[]): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  const put = (feature: string, voter: string, value: string) => {
    if (!out.has(feature)) out.set(feature, new Map());
    const m = out.get(feature)!;
    m.set(voter, m.has(voter) ? `${m.get(voter)}|${value}` : value);
  };
  const tables = new Map<string, Row[]>();
  for (const r of dump) {
    if (!tables.has(r.table)) tables.set(r.table, []);
    tables.get(r.table)!.push(r);
  }
  const marksByCtid = [...marks].sort(byCtid);
  // A row written before the first vote cannot carry a choice: the physical-rank attack pairs the
  // marks with the rows written since (else a table filled earlier, e.g. the dashboard's
  // pre-aggregate of the demo's honors, pairs by coincidence of its row lengths).
  const firstVote = marks.reduce((a, m) => (m.xmin < a ? m.xmin : a), marks[0]!.xmin);
  for (const mark of marks) {
    const voter = String(mark.row.member_id);
    const rank = marksByCtid.indexOf(mark);
    for (const [table, rows] of tables) {
      const paired: [string, Row][] = [];
      for (const r of rows) if (r.xmin === mark.xmin && r !== mark) paired.push(['sameXmin', r]);
      const others = rows.filter((r) => r.xmin !== mark.xmin);
      if (others.length) {
        const nearest = others.reduce((a, b) => (distance(b.xmin, mark.xmin) < distance(a.xmin, mark.xmin) ? b : a));
        paired.push(['nearestXmin', nearest]);
      }
      const physical = rows.filter((r) => r.xmin >= firstVote).sort(byCtid);
      const offset = physical.length - marksByCtid.length;
      if (table !== 'session_voter_marks' && physical[offset + rank]) paired.push(['ctidRank', physical[offset + rank]!]);
      for (const [attack, r] of paired) {
        put(`${attack}:${table}:length`, voter, String(JSON.stringify(r.row).length));
        for (const [col, v] of Object.entries(r.row)) put(`${attack}:${table}:${col}`, voter, JSON.stringify(v));
      }
    }
  }
  return out;
}

/** Leave-one-out guesses: a voter's choice is the commonest among the other voters with the same feature value, else among all others. */
function correctGuesses(values: Map<string, string>, truth: Map<string, BallotChoice>, useFeature: boolean): number {
  let right = 0;
  for (const [voter, choice] of truth) {
    const peers = [...truth.keys()].filter((v) => v !== voter && (!useFeature || (values.has(v) && values.get(v) === values.get(voter))));
    const pool = peers.length ? peers : [...truth.keys()].filter((v) => v !== voter);
    const tally = new Map<BallotChoice, number>();
    for (const p of pool) tally.set(truth.get(p)!, (tally.get(truth.get(p)!) ?? 0) + 1);
    const guess = [...tally.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
    if (guess === choice) right++;
  }
  return right;
}

/** Throws when any attack reads a choice better than the blind guess (the other voters' commonest choice). */
function assertNoPairing(dump: Row[], itemId: string, truth: Map<string, BallotChoice>) {
  const marks = dump.filter((r) => r.table === 'session_voter_marks' && r.row.item_id === itemId);
  assert.equal(marks.length, truth.size);
  // Each vote is its own transaction: the attack has a transaction id to join on for every voter.
  assert.equal(new Set(marks.map((m) => m.xmin)).size, truth.size);
  const chance = correctGuesses(new Map(), truth, false);
  const feats = features(dump, marks);
  assert.ok(feats.has('sameXmin:session_sealed_ballots:sealed'), 'the attack pairs each mark with the sealed ballot of its transaction');
  assert.ok(feats.has('sameXmin:audit_events:summary'), 'and with the audit entry naming the voter');
  const order = [...marks].sort((a, b) => (a.xmin < b.xmin ? -1 : 1)).map((m) => String(m.row.member_id));
  for (const [feature, values] of feats) {
    // A feature that only splits the voters into runs of consecutive votes (e.g. the row written just
    // before the first or after the last ballot) tells when someone voted, which the marks' order says
    // anyway; the choices are interleaved, so a feature that follows them is never such a split.
    const seq = order.map((v) => values.get(v) ?? '');
    const runs = seq.filter((v, i) => i === 0 || v !== seq[i - 1]);
    if (new Set(runs).size === runs.length && runs.length < seq.length) continue;
    // Features of the voter's own rows (their account, their login) group voters by who they are;
    // such groups match the choices by coincidence now and then (one or two guesses). A feature that
    // carries the choice reads nearly all 15 (the former counter row's `choice` column: 15 of 15).
    const right = correctGuesses(values, truth, true);
    assert.ok(
      right <= chance + 2,
      `${feature} guesses ${right}/${truth.size} choices (chance: ${chance}): ${JSON.stringify([...values.entries()].slice(0, 3))}`,
    );
  }
  // Nothing written in a voter's transaction names a choice in clear.
  for (const m of marks) {
    for (const r of dump.filter((x) => x.xmin === m.xmin))
      assert.doesNotMatch(JSON.stringify(r.row), /approve|reject|abstain|Đồng ý|Không đồng ý|Phiếu trắng/i, `${r.table}: ${JSON.stringify(r.row)}`);
  }
}

describe('secret ballot against a reader of the database', () => {
  let t: TestApp;
  let office: Client;

  before(async () => {
    t = await createTestApp();
    setClock('2021-06-10');
    office = await t.login('vanphong');
  });
  after(async () => {
    setClock(null);
    await t.close();
  });

  it('15 ballots: no row paired with a voter by xmin or ctid reveals the choice; the tally at closing is exact; no second vote', async () => {
    await t.db.update(councilMembers).set({ fromDate: '2020-01-01' });
    const ttud = await unitByCode(t, 'TTUD');
    const [hd] = await t.db.select().from(councils).where(eq(councils.kind, 'tdkt'));
    const sitting = (await t.db.select({ personId: councilMembers.personId }).from(councilMembers).where(eq(councilMembers.councilId, hd!.id))).map(
      (m) => m.personId,
    );
    // 15 more members of the council, from units other than the nominating one (no recusal), each with an account.
    const newcomers = (
      await t.db
        .select({ p: people })
        .from(people)
        .innerJoin(units, eq(units.id, people.unitId))
        .where(and(notInArray(people.id, sitting), sql`not starts_with(${units.path}, ${ttud.path})`))
        .orderBy(people.sortKey)
        .limit(15)
    ).map((r) => r.p);
    assert.equal(newcomers.length, 15);
    const passwordHash = await hashPassword('Member-12345');
    for (const [i, p] of newcomers.entries()) {
      await t.db.insert(councilMembers).values({ councilId: hd!.id, personId: p.id, position: 'uy_vien', fromDate: '2020-01-01' });
      await t.db.insert(accounts).values({
        username: `uyvien${i}`,
        displayName: p.fullName,
        role: 'council',
        unitId: t.demo.rootUnitId,
        personId: p.id,
        passwordHash,
        passwordChangedAt: new Date(),
      });
    }

    // A TTUD dossier of one Giấy khen nominee, appraised and put before the council.
    const donvi = await t.login('donvi');
    const nominee = (await staffOf(t, ttud.id))[0]!;
    const d = await donvi.post('/api/dossiers', { type: 'cong_trang', year: 2021, title: 'Hồ sơ đề nghị Giấy khen (bỏ phiếu kín)' });
    ok(d, 201);
    ok(await donvi.post(`/api/dossiers/${d.body.id}/candidates`, { subjectKind: 'individual', personId: nominee.id, proposedHonor: 'GK' }), 201);
    await completeDocuments(donvi, d.body.id);
    ok(await donvi.post(`/api/dossiers/${d.body.id}/submit`));
    ok(await office.post(`/api/dossiers/${d.body.id}/receive`));
    const det = (await office.get(`/api/dossiers/${d.body.id}`)).body;
    for (const c of det.candidates) ok(await office.post(`/api/dossiers/${d.body.id}/candidates/${c.id}/appraise`, { note: 'Đủ thành phần' }));
    const s = await office.post('/api/sessions', {
      councilId: hd!.id,
      title: 'Phiên họp bỏ phiếu kín',
      meetingDate: '2021-06-22',
      candidateIds: det.candidates.map((c: { id: string }) => c.id),
    });
    ok(s, 201);
    ok(await office.post(`/api/sessions/${s.body.id}/open`));
    const opened = (await office.get(`/api/sessions/${s.body.id}`)).body;
    const itemId = opened.items[0].id as string;
    assert.equal(opened.quorum.total, 21);

    // Known choices: 7 approve, 5 reject, 3 abstain, interleaved.
    const pattern: BallotChoice[] = [
      'approve',
      'reject',
      'approve',
      'abstain',
      'approve',
      'reject',
      'approve',
      'reject',
      'abstain',
      'approve',
      'reject',
      'approve',
      'abstain',
      'reject',
      'approve',
    ];
    const truth = new Map<string, BallotChoice>();
    const members = await t.db
      .select()
      .from(councilMembers)
      .where(
        and(
          eq(councilMembers.councilId, hd!.id),
          inArray(
            councilMembers.personId,
            newcomers.map((p) => p.id),
          ),
        ),
      );
    const voters: Client[] = [];
    for (const [i, p] of newcomers.entries()) {
      const c = await t.login(`uyvien${i}`, 'Member-12345');
      voters.push(c);
      ok(await c.post(`/api/sessions/${s.body.id}/ballots`, { votes: [{ itemId, choice: pattern[i]! }] }));
      truth.set(members.find((m) => m.personId === p.id)!.id, pattern[i]!);
    }

    // A member cannot vote twice, and the refusal changes nothing.
    const twice = await voters[0]!.post(`/api/sessions/${s.body.id}/ballots`, { votes: [{ itemId, choice: 'reject' }] });
    assert.equal(twice.status, 409);
    assert.equal(twice.body.error, 'already_voted');

    // Before closing the session shows only how many have voted.
    const during = (await office.get(`/api/sessions/${s.body.id}`)).body;
    assert.equal(during.items[0].votedCount, 15);
    assert.equal(during.items[0].result, null);

    const sealed = rowsOf<{ n: number; lengths: number }>(
      await t.db.execute(sql`select count(*)::int as n, count(distinct length(sealed))::int as lengths from session_sealed_ballots where item_id = ${itemId}`),
    )[0]!;
    assert.deepEqual([Number(sealed.n), Number(sealed.lengths)], [15, 1]);
    const online = rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from session_ballot_box where item_id = ${itemId}`))[0]!;
    assert.equal(Number(online.n), 0, 'no online counter rows');

    assertNoPairing(await dumpDatabase(t), itemId, truth);

    // Paper ballots of three more members, then closing: the counts are exact.
    ok(await office.post(`/api/sessions/${s.body.id}/paper-ballots`, { items: [{ itemId, approve: 2, reject: 1, abstain: 0 }] }));
    ok(await office.post(`/api/sessions/${s.body.id}/close`));
    const closed = (await office.get(`/api/sessions/${s.body.id}`)).body;
    const r = closed.items[0].result;
    assert.deepEqual([r.approve, r.reject, r.abstain, r.online, r.paper, r.totalMembers], [9, 6, 3, 15, 3, 21]);
    assert.equal(r.passed, false, '9 of 21 is not more than half');

    // After closing the pairing still reads nothing, and voting is over.
    assertNoPairing(await dumpDatabase(t), itemId, truth);
    const late = await voters[1]!.post(`/api/sessions/${s.body.id}/ballots`, { votes: [{ itemId, choice: 'approve' }] });
    assert.equal(late.status, 409);
  });

  it('a sealed ballot opens only with the server key, untouched and on its own item', async () => {
    const [one] = rowsOf<{ id: string; session_id: string }>(
      await t.db.execute(sql`select b.id, i.session_id from session_sealed_ballots b join session_items i on i.id = b.item_id limit 1`),
    );
    assert.ok(one);
    const { openBallot } = await import('../../src/server/ballots/seal.js');
    const [row] = rowsOf<{ sealed: Uint8Array | string; item_id: string }>(
      await t.db.execute(sql`select sealed, item_id from session_sealed_ballots where id = ${one.id}`),
    );
    const bytes = typeof row!.sealed === 'string' ? Buffer.from(row!.sealed.replace(/^\\x/, ''), 'hex') : Buffer.from(row!.sealed);
    assert.ok(openBallot(one.session_id, row!.item_id, bytes), 'the stored ballot opens with the server key');
    const flipped = Buffer.from(bytes);
    flipped[20] = flipped[20]! ^ 1;
    assert.equal(openBallot(one.session_id, row!.item_id, flipped), null, 'a flipped bit is refused');
    assert.equal(openBallot(one.session_id, '00000000-0000-4000-8000-000000000000', bytes), null, 'a ballot moved to another item is refused');
  });
});
