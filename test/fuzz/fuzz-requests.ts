import fc from 'fast-check';
import {
  CHAIN_CODES,
  COLLABORATION_STAGES,
  DECLINE_REASONS,
  DEMAND_CLASSES,
  ENTERPRISE_SIZES,
  IP_STATUSES,
  SERVICE_KINDS,
  WORK_KINDS,
} from '../../services/shared/enums.js';
import type { PortalRoute } from './portal-routes.js';

/** Who sends a fuzzed request: nobody, or one of the portal's roles, signed in. */
export const FUZZ_ROLES = ['anonymous', 'enterprise', 'university', 'staff', 'admin'] as const;
export type FuzzRole = (typeof FUZZ_ROLES)[number];

/** How a request carries its CSRF token: as a real client would, not at all, or wrong. */
export type CsrfVariant = 'valid' | 'missing' | 'wrong';

export interface FuzzRequest {
  role: FuzzRole;
  method: PortalRoute['method'];
  /** The route's pattern, for the report. */
  route: string;
  path: string;
  query: Record<string, unknown>;
  body: Record<string, unknown>;
  csrf: CsrfVariant;
  /** For the upload route: a file's bytes and name. */
  file: { name: string; content: Buffer } | null;
}

/** The values the attack run used, and their relatives: what breaks parsers, drivers and casts. */
/** What PostgreSQL's text and jsonb refuse, and other invisible characters: each once answered 500. */
const POISON_TEXT = [
  '\u0000',
  '碳纤维\u0000固化',
  '\ud800',
  '需求\udfff',
  '\udc00\ud800',
  '\u001b[31m',
  '\u0007',
  '\u0085',
];

const NASTY_TEXT = [
  '\u202e',
  '\ufeff',
  "' or 1=1 --",
  "'; drop table users; --",
  '<script>alert(1)</script>',
  '{{constructor.constructor("return 1")()}}',
  '../../etc/passwd',
  '%00',
  '-1',
  '0',
  '1e309',
  '99999999999999999999',
  '2147483648',
  '-2147483649',
  'NaN',
  'Infinity',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '__proto__',
  '2024-02-30',
  '9999-12-31',
  '0000-00-00',
  '碳纤维复合材料',
  '😀',
  ' ',
  '',
  '=cmd|calc!A0',
];

const REAL_IDS = ['1', '2', '3', '4', '5', '6'];
const ODD_IDS = ['0', '-1', '999999', '99999999999', 'abc', '1.5', '%00', '%E2%80%AE', '1e3'];
const ID_VALUE = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...REAL_IDS) },
  fc.constantFrom(...ODD_IDS),
);

const text = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...POISON_TEXT) },
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_TEXT) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 200, maxLength: 6_000 }) },
);

/** Anything JSON can hold, including what no field expects: objects, nested arrays, huge numbers. */
const jsonValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: text },
  { weight: 2, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.constantFrom(1e300, -0, Number.MAX_SAFE_INTEGER + 2, 2 ** 31) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.array(text, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.constant({ toString: 'x' }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), text, { maxKeys: 3 }) },
  { weight: 1, arbitrary: fc.array(fc.array(fc.integer(), { maxLength: 2 }), { maxLength: 2 }) },
);

/** Form fields arrive as text, or as the same name given several times. */
const formValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: text },
  { weight: 1, arbitrary: fc.array(text, { minLength: 2, maxLength: 3 }) },
);

const csvLine = fc.array(text, { minLength: 1, maxLength: 6 }).map((cells) => cells.join(','));
const uploadFile = fc.oneof(
  fc
    .array(csvLine, { minLength: 1, maxLength: 6 })
    .map((lines) => ({ name: 'list.csv', content: Buffer.from(lines.join('\r\n')) })),
  fc.uint8Array({ maxLength: 2_000 }).map((bytes) => ({ name: 'list.xlsx', content: Buffer.from(bytes) })),
  fc.uint8Array({ maxLength: 500 }).map((bytes) => ({
    name: 'x.xlsx',
    content: Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), bytes]),
  })),
);

/**
 * A value each known field accepts, so most of a fuzzed body is valid and the request gets past
 * validation into the handler and the database, where the 500s of the attack run were.
 */
const VALID: Record<string, fc.Arbitrary<unknown>> = {
  title: fc.constantFrom('碳纤维预浸料快速固化', 'Composite curing'),
  titleEn: fc.constant('Fast curing'),
  description: fc.constant('我公司需要缩短热压罐固化周期并降低孔隙率。'),
  bio: fc.constant('复合材料研究。'),
  summary: fc.constant('降低固化温度。'),
  note: fc.constant('电话沟通了合作意向。'),
  researchDirections: fc.constant('碳纤维\n树脂固化'),
  chainCode: fc.constantFrom(...CHAIN_CODES),
  chain: fc.constantFrom(...CHAIN_CODES, 'all'),
  chains: fc.constantFrom(...CHAIN_CODES),
  demandClass: fc.constantFrom(...DEMAND_CLASSES),
  visibility: fc.constantFrom('public', 'confidential'),
  expectedTrl: fc.constantFrom('3', '6', ''),
  trl: fc.constantFrom('4', '7'),
  budgetMin: fc.constantFrom('50', ''),
  budgetMax: fc.constantFrom('200', ''),
  deadline: fc.constantFrom('2030-06-30', ''),
  intent: fc.constantFrom('publish', 'draft'),
  status: fc.constantFrom('published', 'draft', 'closed'),
  kind: fc.constantFrom(...WORK_KINDS, 'faculty', 'teams', 'demands'),
  ipStatus: fc.constantFrom(...IP_STATUSES),
  year: fc.constantFrom('2021', '1999'),
  size: fc.constantFrom(...ENTERPRISE_SIZES),
  stage: fc.constantFrom(...COLLABORATION_STAGES),
  reason: fc.constantFrom(...DECLINE_REASONS),
  email: fc.constantFrom('new-firm@example.com', 'firm@example.com'),
  password: fc.constantFrom('correct-horse-42', 'a-long-password'),
  displayName: fc.constant('张经理'),
  enterpriseName: fc.constant('威海新材料有限公司'),
  industry: fc.constant('碳纤维'),
  contactPhone: fc.constant('0631-1234567'),
  contactName: fc.constant('孙经理'),
  contactEmail: fc.constant('sun@example.com'),
  address: fc.constant('威海市'),
  role: fc.constantFrom('staff', 'admin'),
  limit: fc.constantFrom('3', '10'),
  contractValue: fc.constantFrom('100', '0'),
  revenue: fc.constantFrom('10', ''),
  patentsGranted: fc.constantFrom('1', '0'),
  newProducts: fc.constantFrom('2', ''),
  servedOn: fc.constantFrom('2025-01-10'),
  dueOn: fc.constantFrom('2030-01-10'),
  done: fc.constantFrom('on', ''),
  mode: fc.constantFrom('check', 'import'),
  q: fc.constantFrom('碳纤维', 'fibre'),
  candidateIds: fc.constantFrom('1', '2'),
  serviceKind: fc.constantFrom(...SERVICE_KINDS),
};

/** Fields of free text: poisoned, they still pass every check but the character check. */
const FREE_TEXT = new Set([
  'title',
  'titleEn',
  'description',
  'bio',
  'summary',
  'note',
  'researchDirections',
  'displayName',
  'enterpriseName',
  'industry',
  'contactName',
  'address',
  'q',
  'password',
]);

/**
 * Mostly valid fields with one to four of them made hostile; or, a third of the time, every field
 * valid but carrying the same poison (a NUL, a lone surrogate …), so whichever field a route writes,
 * the poison reaches the database.
 */
function hostileBody(names: string[], value: fc.Arbitrary<unknown>) {
  const known = names.filter((name) => name in VALID);
  return fc
    .record({
      base: fc.record(Object.fromEntries(known.map((name) => [name, VALID[name]!]))),
      hostile: fieldsFrom(names, value),
      poisonAll: fc.option(fc.constantFrom(...POISON_TEXT), { freq: 2 }),
    })
    .map(({ base, hostile, poisonAll }) =>
      poisonAll === null
        ? { ...base, ...hostile }
        : Object.fromEntries(
            Object.entries(base).map(([name, valid]) => [
              name,
              FREE_TEXT.has(name) ? `${valid}${poisonAll}` : valid,
            ]),
          ),
    );
}

function fieldsFrom(names: string[], value: fc.Arbitrary<unknown>) {
  return fc.dictionary(fc.constantFrom(...names, '__proto__', 'constructor', 'a\u0000b'), value, {
    minKeys: 1,
    maxKeys: 4,
  });
}

/** The role a route is for, so half the requests get past the guards to the handler. */
function ownerOf(path: string): FuzzRole {
  if (path.startsWith('/admin')) return 'admin';
  if (path.startsWith('/staff')) return 'staff';
  if (/^\/(api\/v1\/)?(demands|company)/.test(path)) return 'enterprise';
  if (/^\/(api\/v1\/)?(profile|matched-demands)/.test(path)) return 'university';
  return 'anonymous';
}

/** One fuzzed request to one of the routes, by one role, with a body and query made to hurt. */
export function fuzzRequest(routes: PortalRoute[], fieldNames: string[]): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      // Writes are where bad input hurts: they get three times the share of reads.
      route: fc.oneof(
        { weight: 1, arbitrary: fc.constantFrom(...routes.filter((route) => route.method === 'get')) },
        { weight: 3, arbitrary: fc.constantFrom(...routes.filter((route) => route.method !== 'get')) },
      ),
      ownerRole: fc.constantFrom(true, true, true, false),
      anyRole: fc.constantFrom(...FUZZ_ROLES),
      ids: fc.array(ID_VALUE, { minLength: 2, maxLength: 2 }),
      query: fieldsFrom(fieldNames, formValue),
      formBody: hostileBody(fieldNames, formValue),
      jsonBody: hostileBody(fieldNames, jsonValue),
      csrf: fc.constantFrom<CsrfVariant>(...Array<CsrfVariant>(8).fill('valid'), 'missing', 'wrong'),
      file: uploadFile,
    })
    .map(({ route, ownerRole, anyRole, ids, query, formBody, jsonBody, csrf, file }) => {
      const role = ownerRole ? ownerOf(route.path) : anyRole;
      let index = 0;
      const path = route.path.replace(/:\w+/g, () => ids[index++ % ids.length]!);
      const isApi = path.startsWith('/api/');
      const isUpload = route.path === '/staff/lists/import';
      return {
        role,
        method: route.method,
        route: `${route.method.toUpperCase()} ${route.path}`,
        path,
        query: route.method === 'get' ? query : {},
        body: route.method === 'get' ? {} : isApi ? jsonBody : formBody,
        csrf,
        file: isUpload ? file : null,
      };
    });
}
