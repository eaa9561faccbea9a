/**
 * Masks what differs between any two runs of the same steps on real clusters
 * (ages, IPs, uids, generated hashes, volume names and the drawn values below),
 * so a transcript can be compared line by line with what a seed or real kubectl
 * printed.
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

// Values the simulator draws at random or counts, as a real cluster does, and that no
// transcript means to check: each keeps the text around it, so the rest is still compared.
const DRAWN: Array<[RegExp, string]> = [
  [/\b(resourceVersion"?: )"\d+"/g, '$1"<rv>"'],
  [new RegExp(`\\bkube-api-access-${SAFE}{5}\\b`, 'g'), 'kube-api-access-<suffix>'],
  [/\bcontainerd:\/\/[0-9a-f]{64}\b/g, 'containerd://<id>'],
  // kubelet's "Successfully pulled image … in 2.604s (2.604s including waiting)".
  [/\bin \d[\d.hmµs]* \(\d[\d.hmµs]* including waiting\)/g, 'in <pull> (<pull> including waiting)'],
  // ping's round-trip times.
  [/\btime=\d+\.\d+ ms\b/g, 'time=<rtt> ms'],
  [/\bmin\/avg\/max = \d+\.\d+\/\d+\.\d+\/\d+\.\d+ ms\b/g, 'min/avg/max = <rtt> ms'],
];

/** Masks only the drawn values above, for transcripts compared character for character. */
export function maskDrawn(text: string): string {
  let out = text;
  for (const [pattern, replacement] of DRAWN) out = out.replace(pattern, replacement);
  return out;
}

export function mask(text: string): string {
  let out = maskDrawn(text);
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement);
  return out
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, '  ').replace(/\s+$/, ''))
    .join('\n');
}
