/**
 * The persisted index's checksum in the Node host (src/core/cacheTable.ts `Checksum`): zlib's CRC-32, native
 * code, instead of FNV-1a in JavaScript, which over a 10,000-log index (about 22 MB) was one long task of the
 * extension host's thread at every save and at every window's start.
 */
import { crc32 } from 'node:zlib';
import type { Checksum } from '../core/cacheTable';

export const nodeChecksum: Checksum = (pieces) => {
  let c = 0;
  // An empty piece is skipped: zlib.crc32 of TextEncoder's empty array came back 0, not the value it was given.
  for (const p of pieces) if (p.length > 0) c = crc32(p, c);
  return c;
};
