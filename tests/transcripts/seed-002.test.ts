import { afterEach, describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../src/headless';
import { ALICLOUD_DISK_SSD, SEED_002_STATEFULSET } from './fixtures/seed-000-manifests';
import { golden, seedLines } from './seed-replay';

// Seed 002: the Chinese edition of seed 000, whose StatefulSet still says apps/v1beta2.


let session: Session;
afterEach(() => session?.close());

describe('seed 002: a StatefulSet written for apps/v1beta2, scaled, healed and deleted', () => {
  it('replays every kubectl step as kubectl v1.32 prints it', async () => {
    session = createSession({ seed: 1, files: { 'statefulset.yaml': SEED_002_STATEFULSET, 'sc.yaml': ALICLOUD_DISK_SSD } });
    const [actual, expected] = await seedLines(session, TRANSCRIPT);
    expect(actual).toEqual(expected);
  });
});

// Differences from the seed, by design (reference README): apps/v1beta2 is not served,
// so the Service alone is created until the learner fixes the apiVersion; `scale` prints
// statefulset.apps/web scaled; exec without -- is an error; volumes are pvc-<uid>, empty
// (no ext4 lost+found); describe's ClaimName line keeps its indent under grep.
const TRANSCRIPT = golden('seed-002.txt');
