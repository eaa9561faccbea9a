/**
 * Masks what differs between any two runs of the same steps on real clusters
 * (ages, IPs, uids, generated hashes and volume names), so a transcript can be
 * compared line by line with what a seed or real kubectl printed.
 * Column padding depends on the masked widths, so runs of spaces become two.
 */
const SAFE = '[bcdfghjklmnpqrstvwxz2456789]'; // apimachinery rand.SafeEncodeString's alphabet
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

const RULES: Array<[RegExp, string]> = [
  // Dynamically provisioned volumes (pvc-<uid>) and cloud disk ids as the seeds show them.
  [new RegExp(`\\bpvc-${UUID}\\b`, 'g'), '<volume>'],
  [/\bd-[0-9a-z]{20}\b/g, '<volume>'],
  [new RegExp(`(?<![0-9a-f])${UUID}(?![0-9a-f])`, 'g'), '<uid>'], // also inside identities such as name_pod_uid
  [/\b\d{1,3}(?:\.\d{1,3}){3}\b/g, '<ip>'],
  // ReplicaSet pod names (<rs-hash>-<5>) and revision hashes (<name>-<8..10>), once a digit shows it is generated.
  [new RegExp(`-(?=${SAFE}*\\d)${SAFE}{8,10}-${SAFE}{5}\\b`, 'g'), '-<hash>-<suffix>'],
  [new RegExp(`-(?=${SAFE}*\\d)${SAFE}{8,10}\\b`, 'g'), '-<hash>'],
  // AGE-style durations (0s, 2m32s, 75d, 3y120d), standing alone between spaces.
  [/(?<=^|\s|\()\d+[smhdy](?:\d+[smh])?(?=\s|$|\))/g, '<age>'],
];

export function mask(text: string): string {
  let out = text;
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement);
  return out
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, '  ').replace(/\s+$/, ''))
    .join('\n');
}
