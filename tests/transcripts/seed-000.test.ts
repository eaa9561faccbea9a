import { afterEach, describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../src/headless';
import { ALICLOUD_DISK_SSD, SEED_000_STATEFULSET } from './fixtures/seed-000-manifests';
import { golden, seedLines } from './seed-replay';

// Seed 000: create a StatefulSet with a claim template, scale out, in and out again,
// delete a pod and find the same name and claim, keep a file on the volume.


let session: Session;
afterEach(() => session?.close());

describe('seed 000: a StatefulSet with cloud disks, scaled and healed', () => {
  it('replays every kubectl step as kubectl v1.32 prints it', async () => {
    session = createSession({ seed: 1, files: { 'statefulset.yaml': SEED_000_STATEFULSET, 'sc.yaml': ALICLOUD_DISK_SSD } });
    const [actual, expected] = await seedLines(session, TRANSCRIPT);
    expect(actual).toEqual(expected);
  });
});

// Differences from the seed, by design:
// - describe prints ClaimName indented under Volumes; the seed's copy lost the indent.
// - the seed's volumes are Alibaba disk ids and its disks ext4 (lost+found); kubelab's
//   provisioner names volumes pvc-<uid> and hands out empty filesystems.
// - exec without -- is v1.32's error (reference README).
const TRANSCRIPT = golden('seed-000.txt');
