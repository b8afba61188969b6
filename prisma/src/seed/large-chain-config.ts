/**
 * What `npm run db:seed:large` builds, and the handful of facts benchmarks need to use it (logins, password).
 * Everything the generator makes is a pure function of these options: the same options give the same chain.
 */
export interface LargeChainOptions {
  /** Seeds every random stream. */
  seed: number;
  /** "Today" of the chain (YYYY-MM-DD): history runs up to it, bookings beyond it. Its noon in Vancouver is "now". */
  anchorDate: string;
  clinics: number;
  cliniciansPerClinic: number;
  patients: number;
  /** Weeks of history before the anchor's week, and weeks of bookings after it. */
  weeksBack: number;
  weeksAhead: number;
  /** Share of each week's clinician hours the intake of new courses aims to fill (cancelled slots are rebooked). */
  targetUtilisation: number;
}

/**
 * A 10-clinic chain: 200 clinicians, 200k patients, ~2M appointments. Clinicians work ~48 hours a week, booked to
 * ~93% of the hours they are not on leave; at that pace 2M appointments take ~2.4 years of history (124 weeks, the
 * first few filling up) plus 8 weeks of bookings.
 */
export const LARGE_CHAIN_DEFAULTS: Omit<LargeChainOptions, 'anchorDate'> = {
  seed: 20_261_124,
  clinics: 10,
  cliniciansPerClinic: 20,
  patients: 200_000,
  weeksBack: 124,
  weeksAhead: 8,
  targetUtilisation: 0.95,
};

export const LARGE_CHAIN_ORGANISATION_NAME = 'Pacific IMS Physiotherapy Group';
/** Every login of the large chain shares it (it is a benchmark database, never a real one). */
export const LARGE_CHAIN_PASSWORD = 'large-chain-2026';
export const LARGE_CHAIN_EMAIL_DOMAIN = 'large.chain';

export interface ChainClinic {
  name: string;
  timeZone: string;
  city: string;
  region: string;
  postalPrefix: string;
  areaCodes: string[];
  healthNumberIssuer: string;
}

/**
 * Up to 12 clinics: most in British Columbia (America/Vancouver), two in Alberta (America/Edmonton), one in
 * Saskatchewan (America/Regina: no daylight saving) and one in Ontario (America/Toronto), so reports cross zones.
 */
export const CHAIN_CLINICS: readonly ChainClinic[] = [
  { name: 'Kitsilano', timeZone: 'America/Vancouver', city: 'Vancouver', region: 'BC', postalPrefix: 'V6K', areaCodes: ['604', '778'], healthNumberIssuer: 'BC MSP' },
  { name: 'Burnaby Metrotown', timeZone: 'America/Vancouver', city: 'Burnaby', region: 'BC', postalPrefix: 'V5H', areaCodes: ['604', '778'], healthNumberIssuer: 'BC MSP' },
  { name: 'Calgary Beltline', timeZone: 'America/Edmonton', city: 'Calgary', region: 'AB', postalPrefix: 'T2R', areaCodes: ['403', '587'], healthNumberIssuer: 'AB AHCIP' },
  { name: 'Richmond Centre', timeZone: 'America/Vancouver', city: 'Richmond', region: 'BC', postalPrefix: 'V6X', areaCodes: ['604', '236'], healthNumberIssuer: 'BC MSP' },
  { name: 'North Vancouver Lonsdale', timeZone: 'America/Vancouver', city: 'North Vancouver', region: 'BC', postalPrefix: 'V7M', areaCodes: ['604', '778'], healthNumberIssuer: 'BC MSP' },
  { name: 'Regina Cathedral', timeZone: 'America/Regina', city: 'Regina', region: 'SK', postalPrefix: 'S4T', areaCodes: ['306', '639'], healthNumberIssuer: 'SK Health' },
  { name: 'Surrey Central', timeZone: 'America/Vancouver', city: 'Surrey', region: 'BC', postalPrefix: 'V3T', areaCodes: ['604', '236'], healthNumberIssuer: 'BC MSP' },
  { name: 'Edmonton Whyte Avenue', timeZone: 'America/Edmonton', city: 'Edmonton', region: 'AB', postalPrefix: 'T6E', areaCodes: ['780', '587'], healthNumberIssuer: 'AB AHCIP' },
  { name: 'Victoria James Bay', timeZone: 'America/Vancouver', city: 'Victoria', region: 'BC', postalPrefix: 'V8V', areaCodes: ['250', '778'], healthNumberIssuer: 'BC MSP' },
  { name: 'Toronto Annex', timeZone: 'America/Toronto', city: 'Toronto', region: 'ON', postalPrefix: 'M5R', areaCodes: ['416', '647'], healthNumberIssuer: 'ON OHIP' },
  { name: 'Kelowna Downtown', timeZone: 'America/Vancouver', city: 'Kelowna', region: 'BC', postalPrefix: 'V1Y', areaCodes: ['250', '236'], healthNumberIssuer: 'BC MSP' },
  { name: 'Nanaimo Harbourfront', timeZone: 'America/Vancouver', city: 'Nanaimo', region: 'BC', postalPrefix: 'V9R', areaCodes: ['250', '778'], healthNumberIssuer: 'BC MSP' },
];

/** The chain's logins besides the clinicians (physio.001@… to physio.200@…): one receptionist per clinic. */
export const LARGE_CHAIN_LOGINS = {
  admin: `admin@${LARGE_CHAIN_EMAIL_DOMAIN}`,
  /** Sees every clinic: the chain's operations manager. */
  manager: `manager@${LARGE_CHAIN_EMAIL_DOMAIN}`,
  /** reception.1@… works at the first clinic (Kitsilano), reception.2@… at the second, and so on. */
  receptionist: (clinicNumber: number) => `reception.${clinicNumber}@${LARGE_CHAIN_EMAIL_DOMAIN}`,
  physiotherapist: (clinicianNumber: number) => `physio.${String(clinicianNumber).padStart(3, '0')}@${LARGE_CHAIN_EMAIL_DOMAIN}`,
} as const;

export function resolveLargeChainOptions(options: Partial<LargeChainOptions> = {}): LargeChainOptions {
  const resolved = { ...LARGE_CHAIN_DEFAULTS, anchorDate: todayIn('America/Vancouver'), ...options };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(resolved.anchorDate)) throw new Error(`anchorDate must be YYYY-MM-DD, got ${resolved.anchorDate}`);
  if (resolved.clinics < 1 || resolved.clinics > CHAIN_CLINICS.length) throw new Error(`clinics must be 1..${CHAIN_CLINICS.length}`);
  if (resolved.cliniciansPerClinic < 1 || resolved.cliniciansPerClinic > 99) throw new Error('cliniciansPerClinic must be 1..99');
  if (resolved.patients < resolved.clinics * resolved.cliniciansPerClinic) throw new Error('patients must be at least one per clinician');
  if (resolved.weeksBack < 1 || resolved.weeksAhead < 0) throw new Error('weeksBack must be at least 1 and weeksAhead at least 0');
  return resolved;
}

export function todayIn(timeZone: string, at = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(at);
}
