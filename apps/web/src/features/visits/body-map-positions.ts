import type { MuscleRegion, NeedleSide } from '@ims/contracts';

export type BodyView = 'front' | 'back';

/**
 * Where a muscle is drawn: on the front or back figure, `dx` from the midline (0 for midline structures) and `y`
 * down from the top of the head, in the body map's units (a figure is about 160 wide and 410 tall).
 */
export interface MusclePosition {
  view: BodyView;
  dx: number;
  y: number;
}

const front = (dx: number, y: number): MusclePosition => ({ view: 'front', dx, y });
const back = (dx: number, y: number): MusclePosition => ({ view: 'back', dx, y });

/**
 * Positions of the muscles commonly needled in IMS, keyed by catalogue code (prisma/migrations/*_muscle_catalogue;
 * a test checks every catalogue code is here). A code added to the catalogue later and missing here is matched by
 * the words of its code and name (so `trapezius_upper` or "Gastrocnemius, medial head" still land), and failing that
 * drawn at its body region: every catalogue muscle shows somewhere.
 */
export const MUSCLE_POSITIONS: Readonly<Record<string, MusclePosition>> = {
  // Head and neck
  temporalis: front(15, 27),
  masseter: front(12, 43),
  lateral_pterygoid: front(10, 38),
  medial_pterygoid: front(9, 41),
  digastric: front(6, 52),
  sternocleidomastoid: front(7, 61),
  scalenes: front(13, 65),
  anterior_scalene: front(11, 64),
  middle_scalene: front(14, 66),
  posterior_scalene: front(16, 67),
  longus_colli: front(3, 62),
  suboccipitals: back(6, 46),
  rectus_capitis_posterior: back(4, 46),
  obliquus_capitis_inferior: back(8, 48),
  semispinalis_capitis: back(4, 52),
  splenius_capitis: back(8, 55),
  semispinalis_cervicis: back(4, 59),
  splenius_cervicis: back(9, 62),
  cervical_multifidus: back(3, 64),
  cervical_paraspinals: back(5, 62),
  cervical_erector_spinae: back(5, 62),
  upper_trapezius: back(24, 70),
  levator_scapulae: back(15, 67),
  // Shoulder girdle
  supraspinatus: back(30, 80),
  infraspinatus: back(30, 98),
  teres_minor: back(38, 100),
  teres_major: back(38, 110),
  subscapularis: front(40, 100),
  deltoid: front(49, 86),
  anterior_deltoid: front(46, 84),
  middle_deltoid: back(52, 88),
  posterior_deltoid: back(47, 84),
  rhomboids: back(15, 92),
  rhomboid_major: back(16, 99),
  rhomboid_minor: back(14, 86),
  middle_trapezius: back(20, 86),
  lower_trapezius: back(14, 118),
  serratus_posterior_superior: back(18, 80),
  serratus_anterior: front(36, 122),
  pectoralis_major: front(22, 92),
  pectoralis_minor: front(28, 86),
  subclavius: front(20, 79),
  latissimus_dorsi: back(34, 135),
  coracobrachialis: front(44, 102),
  // Arm and hand
  biceps_brachii: front(52, 112),
  brachialis: front(54, 126),
  triceps_brachii: back(52, 112),
  anconeus: back(57, 144),
  brachioradialis: front(60, 150),
  pronator_teres: front(56, 150),
  supinator: back(58, 152),
  extensor_carpi_radialis: back(59, 160),
  extensor_carpi_radialis_longus: back(59, 157),
  extensor_carpi_radialis_brevis: back(60, 165),
  extensor_carpi_ulnaris: back(57, 180),
  extensor_digitorum: back(62, 174),
  wrist_extensors: back(60, 168),
  flexor_carpi_radialis: front(60, 168),
  flexor_carpi_ulnaris: front(57, 177),
  flexor_digitorum_superficialis: front(62, 182),
  flexor_digitorum_profundus: front(63, 188),
  wrist_flexors: front(60, 172),
  first_dorsal_interosseous: back(71, 214),
  dorsal_interossei: back(70, 216),
  adductor_pollicis: front(70, 214),
  opponens_pollicis: front(69, 212),
  thenar: front(69, 212),
  // Chest wall and abdomen
  intercostals: front(30, 112),
  sternalis: front(2, 100),
  rectus_abdominis: front(9, 165),
  external_oblique: front(30, 170),
  internal_oblique: front(28, 178),
  abdominal_obliques: front(30, 172),
  // Back
  spinalis_thoracis: back(3, 115),
  thoracic_multifidus: back(4, 125),
  thoracic_rotatores: back(6, 135),
  thoracic_paraspinals: back(12, 130),
  thoracic_erector_spinae: back(12, 130),
  iliocostalis_thoracis: back(16, 128),
  longissimus_thoracis: back(9, 140),
  serratus_posterior_inferior: back(26, 150),
  lumbar_paraspinals: back(12, 175),
  lumbar_erector_spinae: back(12, 175),
  erector_spinae: back(12, 160),
  iliocostalis_lumborum: back(16, 172),
  longissimus_lumborum: back(9, 178),
  lumbar_multifidus: back(4, 183),
  lumbar_interspinales: back(0, 190),
  multifidus: back(4, 175),
  quadratus_lumborum: back(24, 180),
  // Hip and pelvis
  gluteus_maximus: back(22, 218),
  gluteus_medius: back(30, 200),
  gluteus_minimus: back(35, 208),
  piriformis: back(18, 207),
  gemelli: back(17, 212),
  obturator_internus: back(14, 214),
  quadratus_femoris: back(20, 224),
  tensor_fasciae_latae: front(36, 212),
  iliopsoas: front(14, 196),
  psoas_major: front(13, 192),
  iliacus: front(24, 198),
  pectineus: front(10, 226),
  adductor_brevis: front(12, 234),
  adductor_longus: front(11, 240),
  adductors: front(11, 242),
  adductor_magnus: back(10, 250),
  gracilis: front(8, 262),
  // Leg and foot
  sartorius: front(18, 240),
  rectus_femoris: front(22, 250),
  quadriceps: front(22, 260),
  vastus_lateralis: front(33, 262),
  vastus_intermedius: front(23, 268),
  vastus_medialis: front(14, 284),
  biceps_femoris: back(30, 262),
  hamstrings: back(22, 262),
  semitendinosus: back(14, 262),
  semimembranosus: back(16, 274),
  popliteus: back(22, 302),
  gastrocnemius: back(22, 325),
  medial_gastrocnemius: back(16, 325),
  lateral_gastrocnemius: back(28, 325),
  soleus: back(22, 350),
  tibialis_posterior: back(20, 362),
  flexor_digitorum_longus: back(17, 366),
  flexor_hallucis_longus: back(24, 370),
  tibialis_anterior: front(25, 330),
  fibularis_longus: front(31, 325),
  fibularis_brevis: front(30, 358),
  fibularis_tertius: front(28, 375),
  extensor_digitorum_longus: front(27, 348),
  extensor_hallucis_longus: front(24, 366),
  abductor_hallucis: front(14, 404),
};

/** Where a muscle of a region is drawn when nothing more specific is known. */
export const REGION_POSITIONS: Readonly<Record<MuscleRegion, MusclePosition>> = {
  head_neck: back(10, 58),
  shoulder: back(34, 92),
  upper_limb: front(56, 140),
  thorax: front(28, 118),
  back: back(12, 150),
  hip_pelvis: back(26, 210),
  lower_limb: back(22, 300),
};

// Word forms that differ between catalogues: "peroneus" is the old name of "fibularis", plurals, "head"/"part".
const SYNONYMS: Record<string, string> = { peroneus: 'fibularis', descending: 'upper', transverse: 'middle', ascending: 'lower' };
const NOISE = new Set(['m', 'muscle', 'muscles', 'head', 'part', 'fibres', 'fibers', 'of', 'the', 'and']);

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((word) => word && !NOISE.has(word))
    .map((word) => SYNONYMS[word] ?? word)
    // "rhomboids"/"rhomboid", "scalenes"/"scalene": compare stems, the same way on both sides.
    .map((word) => (word.length > 4 && word.endsWith('s') ? word.slice(0, -1) : word));
}

const KEY_WORDS = Object.keys(MUSCLE_POSITIONS).map((key) => ({ key, words: words(key) }));

/**
 * The position of a catalogue muscle: its code, else the most specific known muscle whose words all appear in its
 * code or name, else `null` (the caller falls back to the region).
 */
export function knownPosition(muscle: { code: string; name: string }): MusclePosition | null {
  const exact = MUSCLE_POSITIONS[muscle.code];
  if (exact) return exact;
  const own = new Set([...words(muscle.code), ...words(muscle.name)]);
  let best: { key: string; size: number } | null = null;
  for (const candidate of KEY_WORDS) {
    if (!candidate.words.every((word) => own.has(word))) continue;
    if (!best || candidate.words.length > best.size) best = { key: candidate.key, size: candidate.words.length };
  }
  return best ? MUSCLE_POSITIONS[best.key]! : null;
}

export interface BodyMapMuscle {
  code: string;
  name: string;
  region: MuscleRegion;
}

export interface PlacedMarker {
  code: string;
  view: BodyView;
  /** Offset from the figure's midline as drawn (the front figure faces the viewer: the patient's right is on the left). */
  x: number;
  y: number;
}

/**
 * Markers for one muscle: one per side needled (both sides when the side is not known, e.g. over a course), at
 * the midline for a midline site. `spread` moves muscles that share a region fallback apart.
 */
export function markersFor(muscle: BodyMapMuscle, sides: ReadonlySet<NeedleSide> | null, spread = 0): PlacedMarker[] {
  const known = knownPosition(muscle);
  const base = known ?? REGION_POSITIONS[muscle.region];
  const position = known ? base : { ...base, y: base.y + spread * 9 };
  // The front figure faces the viewer, so the patient's right is drawn on the viewer's left; the back figure is seen from behind.
  const rightX = position.view === 'front' ? -position.dx : position.dx;
  const xs = new Set<number>();
  const onlyMidline = !!sides && sides.size > 0 && [...sides].every((side) => side === 'midline');
  if (position.dx === 0 || sides?.has('midline')) xs.add(0);
  if (position.dx !== 0 && !onlyMidline) {
    const both = !sides || sides.size === 0 || sides.has('bilateral');
    if (both || sides.has('right')) xs.add(rightX);
    if (both || sides.has('left')) xs.add(-rightX);
  }
  return [...xs].map((x) => ({ code: muscle.code, view: position.view, x, y: position.y }));
}
