import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { type DatabaseTarget, openDatabase, schema } from '../services/db/index.js';
import { enumLabel } from '../services/i18n/index.js';
import { type ImportReport, previewImport, runImport } from '../services/imports/index.js';
import { CHAIN_CODES } from '../services/shared/enums.js';
import { runScript } from './script-runner.js';

/**
 * How long a 50,000-row faculty roster takes to check and to import, and the most memory it needs.
 * Each phase runs in a child process of its own, so each peak RSS is that phase's alone.
 * The budget the import is held to: under a minute and under 1 GB for each phase.
 */
const BUDGET_SECONDS = 60;
const BUDGET_RSS_MB = 1024;
/** The last phase imports a second roster in which every row's title changed: the bulk-update path. */
const PHASES = ['dry-run', 'import', 're-import', 'update'] as const;
type Phase = (typeof PHASES)[number];

const UNIVERSITIES = 11;
const TEAMS = 153;
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国志宇浩然思远晓东海波';
const DIRECTIONS = [
  '碳纤维',
  '树脂固化',
  '船舶焊接',
  '海洋药物',
  '锂电池',
  '海藻多糖',
  '嵌入式系统',
  '渔具材料',
  '医学影像',
  '氢能',
];
const TITLES = ['教授', '副教授', '讲师', '研究员', '副研究员', '助理研究员'];

interface PhaseResult {
  phase: Phase;
  seconds: number;
  peakRssMb: number;
  valid: boolean;
  counts: ImportReport['counts'];
}

const universityName = (index: number) => `基准高校${index + 1}`;
const teamName = (index: number) => `基准团队${index + 1}`;

async function buildRoster(rows: number, file: string, titleShift = 0): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('教师名单');
  sheet.addRow(['姓名', '所属高校', '所属团队', '职称', '是否博导', '研究方向', '邮箱']);
  for (let index = 0; index < rows; index++) {
    const team = index % TEAMS;
    const name = `${SURNAMES[index % SURNAMES.length]}${GIVEN[(index * 7) % GIVEN.length]}${Math.floor(index / TEAMS)}`;
    sheet.addRow([
      name,
      universityName(team % UNIVERSITIES),
      teamName(team),
      TITLES[(index + titleShift) % TITLES.length],
      index % 7 === 0 ? '是' : '否',
      `${DIRECTIONS[index % DIRECTIONS.length]}；${DIRECTIONS[(index * 3 + 1) % DIRECTIONS.length]}`,
      `teacher${index}@example.edu.cn`,
    ]);
  }
  await workbook.xlsx.writeFile(file);
}

async function seedTarget(target: DatabaseTarget): Promise<void> {
  const handle = await openDatabase(target);
  try {
    await handle.migrate();
    const { db } = handle;
    await db.insert(schema.chains).values(
      CHAIN_CODES.map((code, index) => ({
        code,
        nameZh: enumLabel('zh-CN', 'chain', code),
        nameEn: enumLabel('en', 'chain', code),
        sortOrder: index,
      })),
    );
    const universities = await db
      .insert(schema.universities)
      .values(
        Array.from({ length: UNIVERSITIES }, (_, index) => ({
          code: `u${index}`,
          nameZh: universityName(index),
          nameEn: `U${index}`,
        })),
      )
      .returning();
    await db.insert(schema.teams).values(
      Array.from({ length: TEAMS }, (_, index) => ({
        universityId: universities[index % UNIVERSITIES]!.id,
        nameZh: teamName(index),
        chainCode: CHAIN_CODES[index % CHAIN_CODES.length]!,
      })),
    );
  } finally {
    await handle.close();
  }
}

async function runPhase(phase: Phase, target: DatabaseTarget, file: string): Promise<void> {
  const handle = await openDatabase(target);
  try {
    const started = performance.now();
    const input = {
      kind: 'faculty' as const,
      fileName: file,
      content: await readFile(file),
    };
    const report =
      phase === 'dry-run'
        ? await previewImport(input, handle.db)
        : (await runImport(input, handle.db)).report;
    const result: PhaseResult = {
      phase,
      seconds: (performance.now() - started) / 1000,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      valid: report.valid,
      counts: report.counts,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await handle.close();
  }
}

function spawnPhase(phase: Phase, target: DatabaseTarget, file: string): Promise<PhaseResult> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [
        ...process.execArgv,
        process.argv[1]!,
        '--child',
        phase,
        '--target',
        JSON.stringify(target),
        '--file',
        file,
      ],
      { maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${phase} failed: ${stderr || error.message}`));
        else resolve(JSON.parse(stdout.trim().split('\n').pop()!) as PhaseResult);
      },
    );
  });
}

/** A scratch database on the server, so the bench never writes into the one DATABASE_URL names. */
async function createScratchDatabase(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `xueqi_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const scratch = new URL(url);
  scratch.pathname = `/${name}`;
  return {
    url: scratch.toString(),
    async drop() {
      const cleaner = new pg.Client({ connectionString: url });
      await cleaner.connect();
      await cleaner.query(`drop database if exists ${name} with (force)`);
      await cleaner.end();
    },
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string', default: '50000' },
      child: { type: 'string' },
      target: { type: 'string' },
      file: { type: 'string' },
    },
  });
  if (values.child) {
    return runPhase(values.child as Phase, JSON.parse(values.target!) as DatabaseTarget, values.file!);
  }
  const rows = Number(values.rows);
  const folder = await mkdtemp(path.join(tmpdir(), 'xueqi-bench-'));
  try {
    const file = path.join(folder, 'roster.xlsx');
    let started = performance.now();
    await buildRoster(rows, file);
    await buildRoster(rows, path.join(folder, 'roster-changed.xlsx'), 1);
    const size = (await readFile(file)).length / 1024 / 1024;
    console.log(
      `built two ${rows}-row faculty rosters, the second with every title changed (${size.toFixed(1)} MB XLSX) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    const targets: { label: string; target: DatabaseTarget; cleanup?: () => Promise<void> }[] = [
      { label: 'PGlite (on disk)', target: { driver: 'pglite', dataDir: path.join(folder, 'pglite') } },
    ];
    const serverUrl = process.env.DATABASE_URL?.trim();
    if (serverUrl) {
      const scratch = await createScratchDatabase(serverUrl);
      targets.push({
        label: 'PostgreSQL server',
        target: { driver: 'postgres', url: scratch.url },
        cleanup: scratch.drop,
      });
    } else {
      console.log('DATABASE_URL is not set: the PostgreSQL server is not measured');
    }
    console.log(`budget per phase: under ${BUDGET_SECONDS} s and ${BUDGET_RSS_MB} MB peak RSS\n`);
    console.log(
      `${'database'.padEnd(20)}${'phase'.padEnd(11)}${'seconds'.padStart(9)}${'peak RSS'.padStart(11)}  result`,
    );
    let withinBudget = true;
    for (const { label, target, cleanup } of targets) {
      try {
        started = performance.now();
        await seedTarget(target);
        for (const phase of PHASES) {
          const phaseFile = phase === 'update' ? path.join(folder, 'roster-changed.xlsx') : file;
          const result = await spawnPhase(phase, target, phaseFile);
          const ok = result.valid && result.seconds < BUDGET_SECONDS && result.peakRssMb < BUDGET_RSS_MB;
          withinBudget &&= ok;
          const { create, update, unchanged } = result.counts;
          console.log(
            `${label.padEnd(20)}${phase.padEnd(11)}${result.seconds.toFixed(1).padStart(9)}${`${result.peakRssMb.toFixed(0)} MB`.padStart(11)}  ` +
              `create ${create}, update ${update}, unchanged ${unchanged}${ok ? '' : '  OVER BUDGET'}`,
          );
        }
      } finally {
        await cleanup?.();
      }
    }
    console.log(withinBudget ? '\nwithin budget' : '\nover budget');
    if (!withinBudget) process.exitCode = 1;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

runScript('bench:import', main);
