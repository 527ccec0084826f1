import { readFileSync } from 'node:fs';
import {
  analyzeDocument,
  BatchEncoder,
  type EncodedBatch,
  type MatchDocument,
  MatchIndex,
} from '../matcher/index.js';

const N = Number(process.argv[2] ?? 50000);
const lines = readFileSync('data/bench/profiles-100000.jsonl', 'utf8').split('\n').slice(0, N);
const docs = lines.map((l) => JSON.parse(l) as MatchDocument);
const enc = new BatchEncoder(0, false);
let analysis = 0,
  encode = 0,
  postings = 0;
const batches: EncodedBatch[] = [];
for (let i = 0; i < docs.length; i++) {
  let t = performance.now();
  const a = analyzeDocument(docs[i]!);
  analysis += performance.now() - t;
  postings += a.whole.size;
  t = performance.now();
  enc.add(docs[i]!, a);
  if (i % 1000 === 999) batches.push(enc.take());
  encode += performance.now() - t;
}
batches.push(enc.take());
const index = new MatchIndex();
const loader = index.loader();
let t = performance.now();
for (const b of batches) loader.load(b);
const load = performance.now() - t;
t = performance.now();
index.prepare();
const prep = performance.now() - t;
const us = (ms: number) => ((ms * 1000) / N).toFixed(1);
console.log(
  `N=${N} vocab=${index.vocabulary.size} postings/doc=${(postings / N).toFixed(0)} analyze ${us(analysis)} encode ${us(encode)} load ${us(load)} prepare ${us(prep)} µs/doc`,
);
