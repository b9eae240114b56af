import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyze } from '../../src/core/analyze';
import { zonedInstant } from '../../src/core/dates';
import { describeFinding, formatMessage } from '../../src/core/messages';
import { parse } from '../../src/core/parse';
import { run } from '../../src/cli/main';
import { eventUid } from '../../src/core/ics';
import { parseCalendar } from '../ical';
import { runInProcess, runPool, startWorkers } from '../../src/cli/pool';
import { collectFiles } from '../../src/cli/files';
import fc from 'fast-check';

const repo = path.join(__dirname, '..', '..');
const examples = path.join(repo, 'examples');
const DAY = ['--today', '2026-11-23', '--tz', 'UTC'];

async function cli(argv: string[], cwd = repo) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd });
  return { code, stdout, stderr };
}

function tmpTree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clientlog-cli-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const OK = '## 2026-11-20 Call\nPROMISE 2026-12-20 Send the plan\n';
const OVERDUE = '## 2026-11-01 Call\nPROMISE 2026-11-05 Send the plan #plan\nPROMISE 2026-11-24 17:00 Call back\n';
const BAD = '## 2026-11-01 Call\nPROMISE 25.11.2026 Send the plan\n';

describe('clientlog CLI', () => {
  describe('options and exit statuses', () => {
    it('prints help and version with status 0', async () => {
      const h = await cli(['--help']);
      assert.equal(h.code, 0);
      assert.match(h.stdout, /Usage: clientlog <command>/);
      assert.match(h.stdout, /--fail-on-overdue/);
      const v = await cli(['--version']);
      assert.equal(v.code, 0);
      assert.equal(v.stdout.trim(), JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')).version);
    });

    for (const [argv, pattern] of [
      [[], /missing command/],
      [['lint'], /unknown command "lint"/],
      [['check', '--bogus'], /Unknown option '--bogus'/],
      [['check', '--today', '2026-02-30'], /--today expects a real date/],
      [['check', '--today', '23.11.2026'], /--today expects a real date/],
      [['check', '--tz', 'Mars/Olympus'], /unknown time zone "Mars\/Olympus"/],
      [['check', '--fail-on', 'fatal'], /--fail-on expects error, warning/],
      [['check', '--level', 'promise.overdue=loud'], /--level expects CODE=LEVEL/],
      [['check', '--jobs', '0'], /--jobs expects a whole number >= 1/],
      [['ics', '--json'], /--json does not apply to ics/],
      [['ics', '--include', 'promise,meeting'], /--include expects kinds from promise, waiting, scope/],
      [['ics', '--include', ''], /--include expects kinds/],
      [['ics', '--alarm-minutes=-5'], /--alarm-minutes expects a whole number >= 0/],
      [['ics', '--alarm-minutes', 'soon'], /--alarm-minutes expects a whole number >= 0/],
      [['ics', '--alarm-minutes', '50000'], /--alarm-minutes expects at most 40320/],
      [['agenda', '--include', 'promise'], /--include applies to ics only/],
      [['check', '--alarm-minutes', '10'], /--alarm-minutes applies to ics only/],
      [['agenda', '--fail-on-overdue'], /apply to check only/],
      [['check', 'no/such/dir'], /no such file or directory: no\/such\/dir/],
    ] as Array<[string[], RegExp]>) {
      it(`exits 2 on: clientlog ${argv.join(' ') || '(nothing)'}`, async () => {
        const r = await cli([...argv]);
        assert.equal(r.code, 2);
        assert.match(r.stderr, pattern);
        assert.equal(r.stdout, '');
      });
    }

    it('exits 0 without error-level findings, 1 with one', async () => {
      const dir = tmpTree({ 'ok.clientlog': OK, 'late.clientlog': OVERDUE });
      assert.equal((await cli(['check', ...DAY], dir)).code, 0);
      fs.writeFileSync(path.join(dir, 'bad.clientlog'), BAD);
      const r = await cli(['check', ...DAY], dir);
      assert.equal(r.code, 1);
      assert.match(r.stdout, /^bad\.clientlog:2:9: error date\.format Write dates as YYYY-MM-DD: 25\.11\.2026 is 2026-11-25$/m);
      assert.match(r.stderr, /3 files: 1 error, 1 warning/);
    });

    it('--fail-on-overdue and --fail-on warning turn warnings into failures', async () => {
      const dir = tmpTree({ 'late.clientlog': OVERDUE });
      assert.equal((await cli(['check', ...DAY], dir)).code, 0);
      assert.equal((await cli(['check', '--fail-on-overdue', ...DAY], dir)).code, 1);
      assert.equal((await cli(['check', '--fail-on', 'warning', ...DAY], dir)).code, 1);
      assert.equal((await cli(['check', '--fail-on', 'warning', '--level', 'promise.overdue=off', ...DAY], dir)).code, 0);
      assert.equal((await cli(['check', '--level', 'promise.overdue=error', ...DAY], dir)).code, 1);
    });
  });

  describe('check', () => {
    it('prints file:line:col: level code message, 1-based', async () => {
      const dir = tmpTree({ 'acme.clientlog': OVERDUE });
      const r = await cli(['check', ...DAY], dir);
      assert.deepEqual(r.stdout.trim().split('\n'), [
        'acme.clientlog:2:1: warning promise.overdue Promise to acme was due 18 days ago (2026-11-05)',
        'acme.clientlog:3:9: information promise.dueSoon Promise to acme is due tomorrow (2026-11-24 17:00)',
      ]);
    });

    it('--today is noon of that date in the --tz zone', async () => {
      // Noon UTC on the 23rd: the 11:00 promise is overdue, the 13:00 one due today.
      const dir = tmpTree({ 'a.clientlog': 'PROMISE 2026-11-23 11:00 Call\nPROMISE 2026-11-23 13:00 Mail\n' });
      const utc = await cli(['check', '--today', '2026-11-23', '--tz', 'UTC'], dir);
      assert.deepEqual(
        utc.stdout
          .trim()
          .split('\n')
          .map((l) => l.split(' ')[2]),
        ['promise.overdue', 'promise.dueToday'],
      );
      // The log names no zone, so it is read in --tz: noon on the 22nd in Auckland, both due tomorrow.
      const akl = await cli(['check', '--today', '2026-11-22', '--tz', 'Pacific/Auckland'], dir);
      assert.deepEqual(
        akl.stdout
          .trim()
          .split('\n')
          .map((l) => l.split(' ')[2]),
        ['promise.dueSoon', 'promise.dueSoon'],
      );
      // A log with its own zone keeps it: noon UTC on the 23rd is 21:00 in Tokyo, both overdue there.
      fs.writeFileSync(path.join(dir, 'a.clientlog'), '---\ntimezone: Asia/Tokyo\n---\nPROMISE 2026-11-23 11:00 Call\nPROMISE 2026-11-23 13:00 Mail\n');
      const tokyo = await cli(['check', '--today', '2026-11-23', '--tz', 'UTC'], dir);
      assert.deepEqual(
        tokyo.stdout
          .trim()
          .split('\n')
          .map((l) => l.split(' ')[2]),
        ['promise.overdue', 'promise.overdue'],
      );
    });

    it("equals the core's analysis of the examples", async () => {
      const r = await cli(['check', 'examples', ...DAY]);
      assert.equal(r.code, 0);
      const now = zonedInstant('2026-11-23', 720, 'UTC');
      const expected = fs
        .readdirSync(examples)
        .filter((f) => f.endsWith('.clientlog'))
        .sort()
        .flatMap((f) => {
          const log = parse(fs.readFileSync(path.join(examples, f), 'utf8'), { fileName: path.join(examples, f) });
          return analyze(log, { now, timeZone: 'UTC' }).map(
            (x) => `examples/${f}:${x.range.start.line + 1}:${x.range.start.character + 1}: ${x.level} ${x.code} ${describeFinding(x, formatMessage, 'en')}`,
          );
        });
      assert.ok(expected.length >= 8);
      assert.deepEqual(r.stdout.trim().split('\n'), expected);
    });

    it('gives the same results from worker threads alone as from the main thread, over hundreds of files', async function () {
      this.timeout(120000);
      const names = fs.readdirSync(examples);
      const files: Record<string, string> = {};
      for (let d = 0; d < 8; d++) for (const f of names) for (let k = 0; k < 8; k++) files[`d${d}/${k}-${f}`] = fs.readFileSync(path.join(examples, f), 'utf8');
      const dir = tmpTree(files);
      const tasks = Object.keys(files)
        .sort()
        .map((f) => ({ path: path.join(dir, f), display: f }));
      const o = {
        mode: 'check' as const,
        now: Date.UTC(2026, 10, 23, 12),
        timeZone: 'UTC',
        horizonDays: 3,
        confirmationDays: 3,
        levels: {},
        json: false,
        keepFacts: true,
      };
      const script = path.join(repo, 'src', 'cli', 'main.ts');
      const main = runInProcess(tasks, o);
      const workers = await runPool(tasks, o, script, { more: 2, mainWorks: false });
      assert.equal(workers.length, tasks.length);
      assert.deepEqual(workers, main);
      // A worker the main thread starts at its first chance, while it works itself.
      let spawned = 0;
      const mixed = await runPool(tasks, o, script, { more: 1, backlogMs: 0, onSpawn: () => spawned++ });
      assert.equal(spawned, 1);
      assert.deepEqual(mixed, main);
      // Workers started before the files were known (as during the walk), given them once they are.
      const early = startWorkers(2, script);
      const started = await runPool(tasks, o, script, { started: early });
      assert.deepEqual(started, main);
      for (const w of early) assert.equal(w.early.length, 0);
    });

    it('starts a worker only when the backlog the main thread measured asks for one', async function () {
      this.timeout(60000);
      const names = fs.readdirSync(examples);
      const files: Record<string, string> = {};
      for (let k = 0; k < 48; k++) for (const f of names) files[`${k}-${f}`] = fs.readFileSync(path.join(examples, f), 'utf8');
      const dir = tmpTree(files);
      const tasks = Object.keys(files)
        .sort()
        .map((f) => ({ path: path.join(dir, f), display: f }));
      const o = { mode: 'check' as const, now: Date.UTC(2026, 10, 23, 12), timeZone: 'UTC', horizonDays: 3, confirmationDays: 3, levels: {}, json: false };
      const script = path.join(repo, 'src', 'cli', 'main.ts');
      const main = runInProcess(tasks, o);
      // These files keep a thread busy for milliseconds, not for an hour: no worker.
      let spawned = 0;
      const alone = await runPool(tasks, o, script, { more: 1, backlogMs: 3_600_000, onSpawn: () => spawned++ });
      assert.equal(spawned, 0);
      assert.deepEqual(alone, main);
      // A backlog of a microsecond is exceeded once the pace is measured (over chunks 5 and 6: 336 files are 11 chunks).
      const busy = await runPool(tasks, o, script, { more: 1, backlogMs: 0.001, onSpawn: () => spawned++ });
      assert.equal(spawned, 1);
      assert.deepEqual(busy, main);
    });

    it('tells the walk how many files it has found, file by file', () => {
      const dir = tmpTree({ 'a/x.clientlog': OK, 'a/y.clientlog': OK, 'b/z.clientlog': OK, 'b/notes.txt': 'x' });
      const counts: number[] = [];
      const { files } = collectFiles([dir], dir, true, false, (n) => counts.push(n));
      assert.equal(files.length, 3);
      assert.deepEqual(counts, [1, 2, 3]);
    });

    it('gives the same output on worker threads', async function () {
      this.timeout(60000);
      const one = await cli(['check', 'examples', '--jobs', '1', ...DAY]);
      const two = await cli(['check', 'examples', '--jobs', '2', ...DAY]);
      assert.equal(two.code, one.code);
      assert.equal(two.stdout, one.stdout);
      // By default the threads follow the work (here: the main thread alone); the output is the same.
      const auto = await cli(['check', 'examples', ...DAY]);
      assert.equal(auto.code, one.code);
      assert.equal(auto.stdout, one.stdout);
    });

    it('--json gives findings with positions, levels, messages and data', async () => {
      const dir = tmpTree({ 'acme.clientlog': OVERDUE, 'bad.clientlog': BAD });
      const r = await cli(['check', '--json', ...DAY], dir);
      assert.equal(r.code, 1);
      const j = JSON.parse(r.stdout);
      assert.equal(j.version, 1);
      assert.equal(j.today, '2026-11-23');
      assert.equal(j.timeZone, 'UTC');
      assert.equal(j.now, '2026-11-23T12:00:00.000Z');
      assert.equal(j.files, 2);
      assert.deepEqual(j.summary, { error: 1, warning: 1, information: 1, hint: 0, overdue: 1 });
      assert.deepEqual(
        j.findings.map((f: { file: string; line: number; column: number; code: string }) => `${f.file}:${f.line}:${f.column}:${f.code}`),
        ['acme.clientlog:2:1:promise.overdue', 'acme.clientlog:3:9:promise.dueSoon', 'bad.clientlog:2:9:date.format'],
      );
      assert.equal(j.findings[0].data.days, 18);
      assert.equal(j.findings[2].endColumn, 19);
      assert.equal(r.stderr, '');
    });
  });

  describe('agenda', () => {
    it('lists open promises, overdue first, grouped by client, with relative due dates', async () => {
      const dir = tmpTree({
        'acme.clientlog': OVERDUE,
        'beta.clientlog': '---\nclient: Beta Ltd\n---\nPROMISE 2026-11-23 Today\nPROMISE 2026-11-25 Soon | kept 2026-11-20\nPROMISE 2026-11-25 Later\n',
      });
      const r = await cli(['agenda', ...DAY], dir);
      assert.equal(r.code, 0);
      assert.deepEqual(r.stdout.trimEnd().split('\n'), [
        'acme',
        '  18 days overdue  2026-11-05        Send the plan #plan  (acme.clientlog:2)',
        '  tomorrow         2026-11-24 17:00  Call back  (acme.clientlog:3)',
        'Beta Ltd',
        '  today      2026-11-23        Today  (beta.clientlog:4)',
        '  in 2 days  2026-11-25        Later  (beta.clientlog:6)',
      ]);
    });

    it('--json lists promises in agenda order for scripts', async () => {
      const r = await cli(['agenda', '--json', 'examples', ...DAY]);
      const j = JSON.parse(r.stdout);
      assert.equal(j.promises.length, 14);
      const p = j.promises[0];
      assert.deepEqual(Object.keys(p).sort(), [
        'band',
        'client',
        'computed',
        'days',
        'due',
        'file',
        'line',
        'relative',
        'rule',
        'tags',
        'text',
        'time',
        'timeZone',
      ]);
      // The examples' recurring promise: only its open occurrence is listed.
      assert.deepEqual(
        j.promises.filter((x: { rule: string | null }) => x.rule).map((x: { due: string; rule: string; computed: boolean }) => [x.due, x.rule, x.computed]),
        [['2026-11-30', 'every month on the last day', false]],
      );
      assert.equal(p.band, 'overdue');
      assert.equal(p.relative, '4 days overdue');
      const days = j.promises.map((x: { days: number }) => x.days);
      assert.deepEqual(
        days,
        [...days].sort((a, b) => a - b),
      );
    });

    it('--days N lists what is due within N days and the coming occurrences of recurring promises, computed', async () => {
      const dir = tmpTree({
        'acme.clientlog': [
          '---',
          'client: Acme',
          'timezone: Europe/Sofia',
          '---',
          '## 2026-11-01 Call',
          'PROMISE 2026-11-20 Weekly status to @ivan | every week | kept 2026-11-20',
          'PROMISE 2026-11-27 Weekly status to @ivan | every week',
          'PROMISE 2026-11-30 Invoice | every month on the last day',
          'PROMISE 2026-11-10 Overdue plan',
          'PROMISE 2026-12-20 Far away',
          '',
        ].join('\n'),
      });
      const r = await cli(['agenda', '--days', '14', ...DAY], dir);
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(r.stdout.trimEnd().split('\n'), [
        'Acme',
        '  13 days overdue  2026-11-10        Overdue plan  (acme.clientlog:9)',
        '  in 4 days        2026-11-27        Weekly status to @ivan  (acme.clientlog:7 · every week)',
        '  in 7 days        2026-11-30        Invoice  (acme.clientlog:8 · every month on the last day)',
        '  in 11 days       2026-12-04        Weekly status to @ivan  (acme.clientlog:7 · every week · computed, not written yet)',
      ]);
      const j = JSON.parse((await cli(['agenda', '--json', '--days', '40', ...DAY], dir)).stdout);
      assert.deepEqual(
        j.promises.map((p: { due: string; computed: boolean }) => `${p.due}${p.computed ? '*' : ''}`),
        ['2026-11-10', '2026-11-27', '2026-11-30', '2026-12-04*', '2026-12-11*', '2026-12-18*', '2026-12-20', '2026-12-25*', '2026-12-31*', '2027-01-01*'],
      );
      // The file is not touched.
      assert.match(fs.readFileSync(path.join(dir, 'acme.clientlog'), 'utf8'), /PROMISE 2026-11-27 Weekly status to @ivan \| every week\n/);
      assert.match((await cli(['check', '--days', '3', ...DAY], dir)).stderr, /--days applies to agenda only/);
      assert.match((await cli(['agenda', '--days', 'soon', ...DAY], dir)).stderr, /--days expects a whole number >= 0/);
    });

    it('says so when nothing is open', async () => {
      const dir = tmpTree({ 'a.clientlog': 'PROMISE 2026-11-01 Done | kept 2026-11-01\n' });
      assert.equal((await cli(['agenda', ...DAY], dir)).stdout, 'No open promises.\n');
    });
  });

  describe('ics', () => {
    it('repeats the open occurrence of a recurring promise (RRULE), not its closed ones', async () => {
      const r = await cli(['ics', 'examples', ...DAY]);
      assert.equal(r.code, 0, r.stderr);
      const events = r.stdout.split('BEGIN:VEVENT').slice(1);
      const invoice = events.filter((e) => e.includes('monthly invoice'));
      assert.equal(invoice.length, 1, 'the kept occurrence is history');
      assert.match(invoice[0], /DTSTART;VALUE=DATE:20261130\r\n/);
      assert.match(invoice[0], /\r\nRRULE:FREQ=MONTHLY;BYMONTHDAY=-1\r\n/);
      assert.equal(events.filter((e) => e.includes('RRULE')).length, 1);
    });

    const ACME =
      '---\nclient: Acme\ntimezone: Europe/Sofia\ncontacts:\n  - name: Ivan Petrov\n    handle: ivan\n---\n' +
      'PROMISE 2026-11-25 Send the plan to @ivan #plan\nPROMISE 2026-11-26 17:00 Call back\nPROMISE 2026-11-20 Old | kept 2026-11-20\n' +
      'WAITING 2026-11-27 @ivan to sign\nSCOPE 2026-11-23 Add payroll\n';

    it('writes a calendar: promises, waits and scope deadlines, all-day dates, times in the client zone with its VTIMEZONE', async () => {
      const dir = tmpTree({ 'acme.clientlog': ACME });
      const r = await cli(['ics', ...DAY], dir);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\n/);
      const cal = parseCalendar(r.stdout);
      assert.deepEqual(cal.zones, ['Europe/Sofia']);
      assert.deepEqual(
        cal.events.map((e) => [e.categories[0], e.start.value, e.start.tzid ?? null, e.summary, e.alarms.map((a) => a.minutes)]),
        [
          ['promise', '2026-11-25', null, 'Promise to Acme: Send the plan to Ivan Petrov', [-60]],
          // Raised on the 23rd, to be confirmed within 3 days: by the 26th (all-day events come first in a day).
          ['scope', '2026-11-26', null, 'Scope change to confirm with Acme: Add payroll', [-60]],
          // 17:00 in Sofia (UTC+2 in November) is 15:00 UTC.
          ['promise', '2026-11-26T15:00:00.000Z', 'Europe/Sofia', 'Promise to Acme: Call back', [-60]],
          ['waiting', '2026-11-27', null, 'Waiting on Acme: Ivan Petrov to sign', [-60]],
        ],
      );
      assert.equal(cal.events[0].description, 'Client: Acme\nSend the plan to @ivan #plan\nacme.clientlog:8');
      assert.equal(cal.events[0].end.value, '2026-11-26');
      assert.equal(cal.events[2].end.value, '2026-11-26T15:30:00.000Z');
      assert.equal(cal.events[0].stamp, '2026-11-23T12:00:00Z');
    });

    it('writes only the kinds --include names, with the alarm --alarm-minutes asks (0: none)', async () => {
      const dir = tmpTree({ 'acme.clientlog': ACME });
      const some = parseCalendar((await cli(['ics', '--include', 'scope,waiting', '--alarm-minutes', '1440', ...DAY], dir)).stdout);
      assert.deepEqual(
        some.events.map((e) => [e.categories[0], e.alarms.map((a) => a.minutes)]),
        [
          ['scope', [-1440]],
          ['waiting', [-1440]],
        ],
      );
      const none = await cli(['ics', '--include', 'promise', '--alarm-minutes', '0', ...DAY], dir);
      assert.doesNotMatch(none.stdout, /VALARM/);
      assert.deepEqual(
        parseCalendar(none.stdout).events.map((e) => e.categories[0]),
        ['promise', 'promise'],
      );
      assert.match((await cli(['--help'])).stdout, /--include KINDS[\s\S]*--alarm-minutes N/);
    });

    it('has stable UIDs: across runs, edits of other lines and a rescheduled promise', async () => {
      const dir = tmpTree({ 'a.clientlog': 'PROMISE 2026-11-25 One\nPROMISE 2026-11-26 Two\n' });
      const events = async (argv = DAY) => parseCalendar((await cli(['ics', ...argv], dir)).stdout).events.map((e) => [e.uid, e.sequence, e.start.value]);
      const first = await events();
      assert.equal(first.length, 2);
      assert.notEqual(first[0][0], first[1][0]);
      assert.deepEqual(await events(['--today', '2026-11-24', '--tz', 'UTC']), first);
      assert.equal(first[0][0], eventUid('a.clientlog', 'promise', 'One'));
      fs.writeFileSync(
        path.join(dir, 'a.clientlog'),
        '## 2026-11-22 Call\nNoted.\nPROMISE 2026-11-25 One\nPROMISE 2026-11-30 Two | moved from 2026-11-26 on 2026-11-23\n',
      );
      assert.deepEqual(await events(), [first[0], [first[1][0], 1, '2026-11-30']]);
    });

    it('writes an empty calendar when nothing is open, and -o writes a file', async () => {
      const dir = tmpTree({ 'a.clientlog': 'nothing here\n' });
      const r = await cli(['ics', '-o', 'out.ics', ...DAY], dir);
      assert.equal(r.code, 0);
      assert.equal(r.stdout, '');
      const ics = fs.readFileSync(path.join(dir, 'out.ics'), 'utf8');
      assert.deepEqual(parseCalendar(ics).events, []);
      assert.doesNotMatch(ics, /BEGIN:VEVENT/);
    });
  });

  describe('files', () => {
    it('walks directories, skips node_modules and .git, honours .gitignore files', async () => {
      const dir = tmpTree({
        'a.clientlog': BAD,
        'sub/b.clientlog': BAD,
        'sub/.gitignore': 'ignored/\n*.old.clientlog\n!keep.old.clientlog\n',
        'sub/ignored/c.clientlog': BAD,
        'sub/x.old.clientlog': BAD,
        'sub/keep.old.clientlog': BAD,
        'node_modules/pkg/d.clientlog': BAD,
        '.git/e.clientlog': BAD,
        'notes.txt': BAD,
      });
      const files = (s: string) => [
        ...new Set(
          s
            .trim()
            .split('\n')
            .map((l) => l.split(':')[0]),
        ),
      ];
      assert.deepEqual(files((await cli(['check', ...DAY], dir)).stdout), ['a.clientlog', 'sub/b.clientlog', 'sub/keep.old.clientlog']);
      assert.deepEqual(files((await cli(['check', '--no-ignore', ...DAY], dir)).stdout), [
        'a.clientlog',
        'sub/b.clientlog',
        'sub/ignored/c.clientlog',
        'sub/keep.old.clientlog',
        'sub/x.old.clientlog',
      ]);
      // A file named on the command line is checked whatever its name or the ignores say.
      assert.deepEqual(files((await cli(['check', 'sub/x.old.clientlog', 'notes.txt', ...DAY], dir)).stdout), ['notes.txt', 'sub/x.old.clientlog']);
    });

    it('lists the files sorted as their whole paths sort, whatever characters their names hold, without duplicates', () => {
      // The walk sorts each directory's names (a directory's with a slash after it) instead of the whole list:
      // names such as "a", "a-b" and "a.b" beside each other are where the two orders could differ.
      const name = fc.string({ unit: fc.constantFrom('a', 'b', '-', '.', ' ', '_', 'A', '0', 'я', 'ș', '😀'), minLength: 1, maxLength: 3 });
      const tree = fc.uniqueArray(fc.array(name, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 12, selector: (p) => p.join('/') });
      fc.assert(
        fc.property(tree, fc.boolean(), (paths, overlap) => {
          const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clientlog-walk-'));
          try {
            const made: string[] = [];
            for (const p of paths) {
              const file = path.join(dir, ...p.slice(0, -1).map((d) => `${d}.d`), `${p[p.length - 1]}.clientlog`);
              fs.mkdirSync(path.dirname(file), { recursive: true });
              fs.writeFileSync(file, OK);
              made.push(file);
            }
            // Named twice over (a directory and one below it): still each file once.
            const inputs = overlap ? [dir, path.dirname(made[0])] : [dir];
            const expected = [...new Set(made)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
            const { files, stamps } = collectFiles(inputs, dir, true, true);
            assert.deepEqual(files, expected);
            assert.deepEqual(
              [...stamps!],
              files.flatMap((f) => [fs.statSync(f).size, fs.statSync(f).mtimeMs]),
            );
          } finally {
            fs.rmSync(dir, { recursive: true, force: true });
          }
        }),
        { numRuns: 60 },
      );
    });

    it('shows paths outside the working directory as absolute', async () => {
      const dir = tmpTree({ 'a.clientlog': BAD });
      const r = await cli(['check', dir, ...DAY], repo);
      assert.ok(r.stdout.startsWith(`${path.join(dir, 'a.clientlog').split(path.sep).join('/')}:2:9:`));
    });
  });

  describe('--cache', () => {
    const PAST = new Date('2026-11-01T00:00:00Z');
    /** A tree whose files were last modified well before the run (a file changed in the last 2 s is not cached). */
    function oldTree(files: Record<string, string>): string {
      const dir = tmpTree(files);
      for (const name of Object.keys(files)) fs.utimesSync(path.join(dir, name), PAST, PAST);
      return dir;
    }
    const cacheDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'clientlog-cache-'));
    /** The files a cache file holds: its header line says how many, and how many bytes their paths take. */
    const heldIn = (at: string, f: string) => {
      const buf = fs.readFileSync(path.join(at, f));
      const nl = buf.indexOf(10);
      const head = JSON.parse(buf.toString('utf8', 0, nl)) as { count: number; pathBytes: number };
      return head.count === 0 ? [] : buf.toString('utf8', nl + 1, nl + 1 + head.pathBytes).split('\n');
    };
    /** A run's result without the summary's account of the cache, to compare with a run without it. */
    const bare = (r: { code: number; stdout: string; stderr: string }) => ({ ...r, stderr: r.stderr.replace(/ \(cache: [^)]*\)/, '') });
    /** How a cached check answered its files: [printed as kept, from kept parses, parsed]. */
    const how = (stderr: string) => {
      const m = /\(cache: (\d+) printed as kept, (\d+) from kept parses, (\d+) parsed\)/.exec(stderr);
      assert.ok(m, stderr);
      return [+m[1], +m[2], +m[3]];
    };

    it('prints exactly what a run without it prints, for every command and many days, options and zones', async () => {
      const dir = oldTree(Object.fromEntries(fs.readdirSync(examples).map((f) => [f, fs.readFileSync(path.join(examples, f), 'utf8')])));
      const at = cacheDir();
      const variants = [
        ['check', '--today', '2026-11-23', '--tz', 'UTC'],
        ['check', '--today', '2026-11-23', '--tz', 'UTC'],
        ['check', '--today', '2026-11-25', '--tz', 'UTC'],
        ['check', '--today', '2026-11-24', '--tz', 'America/New_York'],
        ['check', '--today', '2026-11-24', '--tz', 'America/New_York', '--horizon-days', '10', '--level', 'promise.dueSoon=error'],
        ['check', '--json', '--today', '2026-12-01', '--tz', 'Europe/Sofia'],
        ['agenda', '--today', '2026-11-20', '--tz', 'UTC'],
        ['agenda', '--json', '--today', '2026-11-23', '--tz', 'Asia/Tokyo'],
        ['ics', '--today', '2026-11-23', '--tz', 'UTC'],
        ['check', '--today', '2026-11-23', '--tz', 'UTC'],
      ];
      for (const v of variants) {
        const plain = await cli(v, dir);
        for (let k = 0; k < 2; k++) {
          const cached = await cli([...v, '--cache-location', at], dir);
          const norm = (x: string) => (v[0] === 'ics' ? x.replace(/^DTSTAMP:.*$/gm, '') : x);
          assert.deepEqual({ ...bare(cached), stdout: norm(cached.stdout) }, { ...plain, stdout: norm(plain.stdout) }, v.join(' '));
        }
      }
      assert.deepEqual(fs.readdirSync(at).sort(), ['check.bin', 'facts.bin']);
    });

    it('answers unchanged files from the cache, and reads a file again once its size or mtime changes', async () => {
      const dir = oldTree({ 'a.clientlog': OVERDUE, 'b.clientlog': OK });
      const at = cacheDir();
      const day = (d: string) => ['check', '--today', d, '--tz', 'UTC', '--cache-location', at];
      const first = await cli(day('2026-11-23'), dir);
      assert.match(first.stdout, /^a\.clientlog:2:1: warning promise\.overdue /m);
      assert.deepEqual(how(first.stderr), [0, 0, 2]);
      assert.deepEqual(how((await cli(day('2026-11-23'), dir)).stderr), [2, 0, 0]);
      // New text of the same size and the same mtime: the cache cannot tell, so both its levels answer.
      const a = path.join(dir, 'a.clientlog');
      fs.writeFileSync(a, OVERDUE.replace('2026-11-05', '2026-12-05'));
      fs.utimesSync(a, PAST, PAST);
      assert.equal((await cli(day('2026-11-23'), dir)).stdout, first.stdout);
      const nextDay = await cli(day('2026-11-24'), dir);
      assert.deepEqual(how(nextDay.stderr), [0, 2, 0]);
      assert.match(nextDay.stdout, /^a\.clientlog:2:1: warning promise\.overdue /m, 'facts.bin answered (check.bin held 2026-11-23 only)');
      fs.rmSync(path.join(at, 'facts.bin'));
      assert.equal((await cli(day('2026-11-24'), dir)).stdout, nextDay.stdout, 'check.bin answered, without facts.bin');
      // Once the mtime moves, the file is read again.
      fs.utimesSync(a, new Date('2026-11-02T00:00:00Z'), new Date('2026-11-02T00:00:00Z'));
      const fresh = await cli(day('2026-11-24'), dir);
      assert.doesNotMatch(fresh.stdout, /promise\.overdue/);
      assert.deepEqual(bare(fresh), await cli(day('2026-11-24').slice(0, 5), dir));
      assert.deepEqual(how(fresh.stderr), [1, 0, 1], 'b printed as kept (check.bin holds 2026-11-24), a parsed again');
    });

    it('reads a file again once its mtime changes, whichever part of the cache would answer', async () => {
      const dir = oldTree({ 'a.clientlog': OVERDUE });
      const at = cacheDir();
      const day = (d: string) => ['check', '--today', d, '--tz', 'UTC', '--cache-location', at];
      await cli(day('2026-11-23'), dir);
      const a = path.join(dir, 'a.clientlog');
      fs.writeFileSync(a, OVERDUE.replace('2026-11-05', '2026-12-05'));
      fs.utimesSync(a, new Date('2026-11-02T00:00:00Z'), new Date('2026-11-02T00:00:00Z'));
      for (const d of ['2026-11-24', '2026-11-23']) {
        const r = await cli(day(d), dir);
        assert.doesNotMatch(r.stdout, /promise\.overdue/, d);
        assert.deepEqual(bare(r), await cli(day(d).slice(0, 5), dir), d);
      }
    });

    it('stays equal to a run without it through a random series of edits, additions, deletions and days', async function () {
      this.timeout(120000);
      const texts = [OK, OVERDUE, BAD, ...fs.readdirSync(examples).map((f) => fs.readFileSync(path.join(examples, f), 'utf8'))];
      const dir = oldTree({});
      const at = cacheDir();
      let seed = 20261123;
      const rnd = (n: number) => {
        // mulberry32
        seed = (seed + 0x6d2b79f5) >>> 0;
        let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
      };
      let clock = PAST.getTime();
      const write = (name: string, text: string) => {
        fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), text);
        clock += 1000; // a later mtime for every change, all of them older than the racy window
        fs.utimesSync(path.join(dir, name), new Date(clock), new Date(clock));
      };
      const names = Array.from({ length: 14 }, (_, i) => `${['a', 'm', 'z'][i % 3]}/${String.fromCharCode(97 + i)}${i}.clientlog`);
      for (const n of names.slice(0, 8)) write(n, texts[rnd(texts.length)]);
      const ops = { edit: 0, add: 0, remove: 0, touch: 0, fresh: 0 };
      const answered = [0, 0, 0];
      const dayArgs = () => ['--today', `2026-11-${String(20 + rnd(8)).padStart(2, '0')}`, '--tz', ['UTC', 'Europe/Sofia'][rnd(2)]];
      let argv = ['check', ...dayArgs()];
      for (let step = 0; step < 40; step++) {
        const name = names[rnd(names.length)];
        const exists = fs.existsSync(path.join(dir, name));
        const op = rnd(4);
        if (op === 0 && exists) {
          write(name, `${texts[rnd(texts.length)]}\nPROMISE 2026-11-${String(20 + rnd(10)).padStart(2, '0')} Step ${step}\n`);
          ops.edit++;
        } else if (op === 1 && !exists) {
          write(name, texts[rnd(texts.length)]);
          ops.add++;
        } else if (op === 2 && exists) {
          fs.rmSync(path.join(dir, name));
          ops.remove++;
        } else if (op === 3 && exists && rnd(2) === 0) {
          // Written just now: too fresh to keep, so the cache drops what it held for the file.
          fs.writeFileSync(path.join(dir, name), `${texts[rnd(texts.length)]}\nWAITING 2026-11-2${rnd(9)} Step ${step}\n`);
          ops.fresh++;
        } else if (exists) {
          clock += 1000;
          fs.utimesSync(path.join(dir, name), new Date(clock), new Date(clock));
          ops.touch++;
        }
        // The options change now and then, so that runs are answered from kept output, kept parses and parses.
        if (rnd(4) === 0) argv = rnd(5) === 0 ? ['agenda', '--json', ...dayArgs()] : ['check', ...dayArgs()];
        const cached = await cli([...argv, '--cache-location', at], dir);
        assert.deepEqual(bare(cached), await cli(argv, dir), `step ${step}: ${argv.join(' ')}`);
        if (argv[0] === 'check') how(cached.stderr).forEach((n, k) => (answered[k] += n));
      }
      assert.ok(
        Object.values(ops).every((n) => n > 0),
        JSON.stringify(ops),
      );
      assert.ok(
        answered.every((n) => n > 10),
        `printed, from parses, parsed: ${answered.join(', ')}`,
      );
    });

    it('forgets the files that are gone from a directory it walked, and keeps those it did not walk', async () => {
      const dir = oldTree({ 'in/a.clientlog': OK, 'in/b.clientlog': OVERDUE, 'out/c.clientlog': OK });
      const at = cacheDir();
      await cli(['check', ...DAY, '--cache-location', at, 'in', 'out'], dir);
      const all = ['in/a.clientlog', 'in/b.clientlog', 'out/c.clientlog'].map((f) => path.join(dir, f));
      assert.deepEqual(heldIn(at, 'facts.bin'), all);
      fs.rmSync(path.join(dir, 'in', 'b.clientlog'));
      // A new day, so that facts.bin is read (and so pruned) too.
      await cli(['check', '--today', '2026-11-24', '--tz', 'UTC', '--cache-location', at, 'in'], dir);
      assert.deepEqual(heldIn(at, 'facts.bin'), [all[0], all[2]]);
      assert.deepEqual(heldIn(at, 'check.bin'), [all[0], all[2]]);
    });

    it('does not keep files modified in the last two seconds (their mtime could hide a change)', async () => {
      const dir = tmpTree({ 'a.clientlog': OVERDUE });
      const at = cacheDir();
      await cli(['check', ...DAY, '--cache-location', at], dir);
      const held = (f: string) => heldIn(at, f);
      assert.deepEqual(held('facts.bin'), []);
      assert.deepEqual(held('check.bin'), []);
      fs.utimesSync(path.join(dir, 'a.clientlog'), PAST, PAST);
      await cli(['check', ...DAY, '--cache-location', at], dir);
      assert.deepEqual(held('facts.bin'), [path.join(dir, 'a.clientlog')]);
      assert.deepEqual(held('check.bin'), [path.join(dir, 'a.clientlog')]);
    });

    it('ignores a corrupt, mismatched or foreign cache and rewrites it', async () => {
      const dir = oldTree({ 'a.clientlog': OVERDUE, 'b.clientlog': BAD });
      const at = cacheDir();
      const argv = ['check', ...DAY, '--cache-location', at];
      const plain = await cli(argv.slice(0, 5), dir);
      await cli(argv, dir);
      const spoil: Array<[string, (t: Buffer) => Buffer | string]> = [
        ['check.bin', (t) => t.subarray(0, t.length - 10)], // cut short
        ['check.bin', (t) => t.subarray(0, t.indexOf(10) + 20)], // cut in the numbers
        [
          'check.bin',
          (t) => Buffer.concat([Buffer.from(t.toString('latin1', 0, t.indexOf(10)).replace(/"count":\d+/, '"count":1')), t.subarray(t.indexOf(10))]),
        ], // wrong count
        [
          'check.bin',
          (t) =>
            Buffer.concat([Buffer.from(t.toString('latin1', 0, t.indexOf(10)).replace(/"endianness":"LE"/, '"endianness":"BE"')), t.subarray(t.indexOf(10))]),
        ], // another machine
        [
          'facts.bin',
          (t) =>
            Buffer.concat([Buffer.from(t.toString('latin1', 0, t.indexOf(10)).replace(/"header":"[^"]*"/, '"header":"0.0.0"')), t.subarray(t.indexOf(10))]),
        ], // another build
        ['check.bin', () => 'null\n'],
        ['check.bin', () => ''],
        ['facts.bin', (t) => Buffer.concat([t.subarray(0, t.length - 5), Buffer.from('}}}}}')])], // a blob that is not JSON
        ['facts.bin', (t) => Buffer.from(t.toString('latin1').replace(/"input":/g, '"inpux":'), 'latin1')], // nor the facts' shape
      ];
      for (const [file, f] of spoil) {
        fs.writeFileSync(path.join(at, file), f(fs.readFileSync(path.join(at, file))));
        // A day on which check.bin cannot answer, so facts.bin is read too.
        assert.deepEqual(bare(await cli(argv, dir)), plain, file);
        assert.deepEqual(
          bare(await cli([...argv.slice(0, 2), '2026-11-30', ...argv.slice(3)], dir)),
          await cli([...argv.slice(0, 2), '2026-11-30', ...argv.slice(3, 5)], dir),
          file,
        );
      }
    });

    it('warns, and still answers, when the cache cannot be written', async () => {
      const dir = oldTree({ 'a.clientlog': OVERDUE });
      const blocker = path.join(cacheDir(), 'file');
      fs.writeFileSync(blocker, '');
      const r = await cli(['check', ...DAY, '--cache-location', path.join(blocker, 'cache')], dir);
      const plain = await cli(['check', ...DAY], dir);
      assert.equal(r.stdout, plain.stdout);
      assert.equal(r.code, plain.code);
      assert.match(r.stderr, /could not write the cache/);
    });

    it('uses .clientlogcache in the working directory with --cache', async () => {
      const dir = oldTree({ 'a.clientlog': OK });
      await cli(['check', ...DAY, '--cache', '.'], dir);
      assert.deepEqual(fs.readdirSync(path.join(dir, '.clientlogcache')).sort(), ['check.bin', 'facts.bin']);
    });
  });

  describe('the bundled dist/cli.js', () => {
    // dist/ is built by the root hook (test/setup.ts) before any test runs.
    it('runs as a real process', () => {
      const bin = path.join(repo, 'dist', 'cli.js');
      assert.ok(fs.readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n'));
      const env = { ...process.env };
      delete env.NODE_EXTRA_CA_CERTS;
      const r = spawnSync(process.execPath, [bin, 'check', '--fail-on-overdue', 'examples', '--jobs', '2', ...DAY], { cwd: repo, env, encoding: 'utf8' });
      assert.equal(r.status, 1, r.stderr);
      assert.match(r.stdout, /^examples\/acme-logistics\.clientlog:56:1: warning promise\.overdue /m);
      assert.match(r.stderr, /6 files: 0 errors, 5 warnings, 4 information, 0 hints/);
      const bad = spawnSync(process.execPath, [bin, 'check', '--tz', 'Nowhere'], { cwd: repo, env, encoding: 'utf8' });
      assert.equal(bad.status, 2);
      const ics = spawnSync(process.execPath, [bin, 'ics', 'examples', ...DAY], { cwd: repo, env, encoding: 'utf8' });
      assert.equal(ics.status, 0, ics.stderr);
      assert.match(ics.stdout, /^BEGIN:VCALENDAR/);
    });

    it('prints all of a large output through a pipe and to a file, and a rerun from its cache loads neither its engine nor a worker module', () => {
      // Each file's 40 findings: about 2 MB of output in all, far more than a pipe holds at once, and more
      // than the megabyte pieces a rerun copies its kept output in (the pipe may still hold the last one).
      const many = '## 2026-11-01 Call\n' + 'PROMISE 25.11.2026 Send the plan\n'.repeat(40);
      const dir = tmpTree(Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`d${i % 7}/client-${i}.clientlog`, many])));
      const bin = path.join(repo, 'dist', 'cli.js');
      const env = { ...process.env };
      delete env.NODE_EXTRA_CA_CERTS;
      // Records, as the process exits, whether node:worker_threads was loaded.
      const probe = path.join(dir, 'probe.cjs');
      fs.writeFileSync(
        probe,
        "process.on('exit', () => require('fs').writeFileSync(process.env.PROBE_OUT, JSON.stringify({ threads: process.moduleLoadList.includes('NativeModule worker_threads'), modules: Object.keys(require.cache).map((f) => require('path').basename(f)) })));\n",
      );
      const probeOut = path.join(dir, 'probe.txt');
      // Written an hour ago, out of the racy window: the cache keeps them at once.
      const before = new Date(Date.now() - 3_600_000);
      for (const sub of fs.readdirSync(dir)) {
        if (!sub.startsWith('d')) continue;
        for (const f of fs.readdirSync(path.join(dir, sub))) fs.utimesSync(path.join(dir, sub, f), before, before);
      }
      const args = ['check', '--cache-location', path.join(dir, 'cache'), '.', ...DAY];
      const runs = [1, 2, 3].map(() => {
        const r = spawnSync(process.execPath, ['--require', probe, bin, ...args], { cwd: dir, env: { ...env, PROBE_OUT: probeOut }, maxBuffer: 1 << 26 });
        return {
          status: r.status,
          stdout: r.stdout.toString('utf8'),
          stderr: r.stderr.toString('utf8'),
          loaded: JSON.parse(fs.readFileSync(probeOut, 'utf8')),
        };
      });
      const expected = spawnSync(process.execPath, [bin, 'check', '.', '--jobs', '1', ...DAY], { cwd: dir, env, maxBuffer: 1 << 26 }).stdout.toString('utf8');
      assert.ok(expected.length > 1_500_000, `${expected.length} bytes`);
      for (const r of runs) {
        assert.equal(r.status, 1, r.stderr);
        assert.equal(r.stdout.length, expected.length);
        assert.equal(r.stdout, expected);
        assert.match(r.stderr, /^400 files: 16000 errors/);
      }
      for (const r of runs.slice(1)) {
        assert.match(r.stderr, /\(cache: 400 printed as kept, 0 from kept parses, 0 parsed\)/);
        assert.equal(r.loaded.threads, false, 'a run that parses nothing does not load node:worker_threads');
        assert.deepEqual(r.loaded.modules, ['probe.cjs', 'cli.js'], 'nor the engine or the parser');
      }
      assert.ok(runs[0].loaded.modules.includes('cli-engine.js'));
      // The same output written to a file by -o, copied from the cache file in pieces as to the pipe.
      const file = path.join(dir, 'out.txt');
      const o = spawnSync(process.execPath, [bin, ...args, '-o', file], { cwd: dir, env, encoding: 'utf8' });
      assert.match(o.stderr, /400 printed as kept/);
      assert.equal(fs.readFileSync(file, 'utf8'), expected);
    });

    it('loads the parser from a file of its own, and the YAML library from another, all of them packaged', () => {
      const read = (c: string) => fs.readFileSync(path.join(repo, 'dist', c), 'utf8');
      const chunksOf = (c: string) => [...read(c).matchAll(/require\(["']\.\/([\w.-]+)["']\)/g)].map((m) => m[1]).sort();
      const chunks = chunksOf('cli.js');
      // The engine (analysis, pool, outputs) and the parser, each loaded when a run first needs it.
      assert.deepEqual(chunks, ['cli-engine.js']);
      assert.deepEqual(chunksOf('cli-engine.js'), ['cli-parse.js']);
      chunks.push('cli-parse.js');
      assert.doesNotMatch(read('cli.js'), /YAMLMap/, 'the YAML code stays out of the start-up bundle');
      // The parser requires the YAML library only when a front matter is not one its fast path reads.
      assert.deepEqual(chunksOf('cli-parse.js'), ['cli-yaml.js']);
      assert.doesNotMatch(read('cli-parse.js'), /YAMLMap/, "the YAML code stays out of the parser's bundle");
      assert.match(read('cli-yaml.js'), /YAMLMap/);
      chunks.push('cli-yaml.js');
      const allowed = fs.readFileSync(path.join(repo, '.vscodeignore'), 'utf8').split('\n');
      for (const c of ['cli.js', ...chunks]) {
        assert.ok(fs.existsSync(path.join(repo, 'dist', c)), c);
        assert.ok(allowed.includes(`!dist/${c}`), `.vscodeignore lets dist/${c} into the VSIX`);
      }
    });
  });
});
