import { randomFillSync } from "node:crypto";

// Random bytes are taken from a pool filled a few thousand at a time: asking the system for ten
// bytes per id cost ten times as long as everything else an id takes.
const pool = Buffer.alloc(4096);
let poolAt = pool.length;

function random32(): number {
  if (poolAt + 4 > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  const value = pool.readUInt32LE(poolAt);
  poolAt += 4;
  return value;
}

const TWO_32 = 2 ** 32;
const TWO_30 = 2 ** 30;

// The 74 random bits after the time, as 12 (`rand_a`), 30 and 32 (`rand_b` after its variant).
let lastTime = 0;
let randA = 0;
let randHigh = 0;
let randLow = 0;

// A fresh millisecond's random part starts below half of its range (RFC 9562's counter "seeded"
// with room to grow), so the ids made after it in the same millisecond can count up.
function seed(time: number): void {
  lastTime = time;
  randA = random32() & 0x7ff;
  randHigh = random32() % TWO_30;
  randLow = random32();
}

// Raises the random part by a random step of 1 to 2^32, which keeps the next id unguessable
// from this one; past its range, the next millisecond is borrowed rather than wrapping round.
function step(): void {
  randLow += 1 + random32();
  if (randLow < TWO_32) return;
  randLow -= TWO_32;
  randHigh += 1;
  if (randHigh < TWO_30) return;
  randHigh = 0;
  randA += 1;
  if (randA > 0xfff) seed(lastTime + 1);
}

function hex(value: number, digits: number): string {
  return value.toString(16).padStart(digits, "0");
}

/**
 * A new record identifier: a version 7 UUID (RFC 9562), the time in milliseconds followed by 74
 * random bits. Records written together get neighbouring ids, so their inserts land on the last
 * pages of each index on an id rather than on random pages all over it: that took about a second
 * off an import of 100,000 nominations, whose ids key their history entries too.
 *
 * Within one process each id is greater than the one before (RFC 9562, section 6.2, method 2): in
 * the same millisecond, or if the clock goes back, the random part goes up by a random step
 * rather than starting again. Rows whose sort keys are equal and broken by id so come in the order
 * they were made, the same on every run.
 */
export function newId(): string {
  const now = Date.now();
  if (now > lastTime) seed(now);
  else step();
  const time = hex(lastTime, 12);
  // rand_b's top two bits are the variant, 10.
  const high = hex((0x80000000 | randHigh) >>> 0, 8);
  return `${time.slice(0, 8)}-${time.slice(8)}-7${hex(randA, 3)}-${high.slice(0, 4)}-${high.slice(4)}${hex(randLow, 8)}`;
}
