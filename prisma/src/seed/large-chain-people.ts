import type { Faker } from '@faker-js/faker';
import { searchFieldsOf } from '../patients/search-fields';
import { CHAIN_CLINICS, LARGE_CHAIN_LOGINS, LARGE_CHAIN_ORGANISATION_NAME, type ChainClinic, type LargeChainOptions } from './large-chain-config';
import { DAY_MS, dateOfDay, dayNumberOf, hhmm, instantOf, isoWeekday } from './large-chain-clock';
import { IdMint, Rng } from './large-chain-random';
import { tableCode, type ChainBuffers } from './large-chain-tables';

/** One weekday a clinician works: where, from when to when (minutes after local midnight), in which room. */
export interface WorkDay {
  weekday: number;
  clinic: number;
  startMinutes: number;
  endMinutes: number;
  roomId: string;
}

export interface SetupClinic {
  index: number;
  id: string;
  info: ChainClinic;
  assessmentTypeId: string;
  treatmentTypeId: string;
  receptionistUserId: string;
}

export interface SetupClinician {
  index: number;
  id: string;
  userId: string;
  displayName: string;
  homeClinic: number;
  /** By ISO weekday (index 1-7); undefined on days off. */
  week: Array<WorkDay | undefined>;
  /** Local day numbers of leave: no bookings. */
  daysOff: Set<number>;
}

export interface ChainSetup {
  organisationId: string;
  adminUserId: string;
  managerUserId: string;
  clinics: SetupClinic[];
  clinicians: SetupClinician[];
  /** First and last+1 local day numbers of the chain's calendar (Mondays). */
  startDay: number;
  endDay: number;
  anchorDay: number;
  /** "Now": the anchor day's noon in Vancouver, in ms. */
  nowMs: number;
}

/** Opening hours of every clinic: Mon-Fri 07:30-19:00, Sat 09:00-13:00 (minutes). */
const OPENING_HOURS: ReadonlyArray<{ weekday: number; opens: number; closes: number }> = [
  ...[1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: 450, closes: 1140 })),
  { weekday: 6, opens: 540, closes: 780 },
];

/**
 * Weekly patterns (ISO weekday → [start, end) minutes), all inside the opening hours, weighted so the average
 * clinician offers ~97 half-hour slots a week: full-time days, long days with a Saturday morning, part-time.
 */
const WORK_PATTERNS: ReadonlyArray<readonly [Record<number, [number, number]>, number]> = [
  [{ 1: [480, 1080], 2: [480, 1080], 3: [480, 1080], 4: [480, 1080], 5: [480, 1080] }, 35],
  [{ 1: [450, 1050], 2: [450, 1050], 3: [450, 1050], 4: [450, 1050], 5: [450, 1050] }, 25],
  [{ 1: [450, 1140], 2: [450, 1140], 3: [450, 1140], 4: [450, 1140], 6: [540, 780] }, 20],
  [{ 2: [510, 1140], 3: [510, 1140], 4: [510, 1140], 5: [510, 1140], 6: [540, 780] }, 15],
  [{ 1: [480, 960], 2: [480, 960], 3: [480, 960], 4: [480, 960] }, 5],
];

const HOUR_MS = 3_600_000;

/** The organisation, its clinics and staff: rooms, appointment types, logins, clinicians with hours, leave and authorisations. */
export async function writeChainSetup(buffers: ChainBuffers, options: LargeChainOptions, ids: IdMint, passwordHash: string): Promise<ChainSetup> {
  const rng = new Rng(options.seed, 'setup');
  const anchorDay = dayNumberOf(options.anchorDate);
  const anchorMonday = anchorDay - (isoWeekday(anchorDay) - 1);
  const startDay = anchorMonday - 7 * options.weeksBack;
  const endDay = anchorMonday + 7 * (options.weeksAhead + 1);
  const nowMs = instantOf('America/Vancouver', anchorDay, 12 * 60);
  // The chain's records begin a year before its calendar: accounts and clinics existed before the history shown.
  const foundedMs = (startDay - 365) * DAY_MS + 17 * HOUR_MS;

  const organisationId = ids.next(tableCode('organisation'), foundedMs);
  buffers.organisation.add([organisationId, LARGE_CHAIN_ORGANISATION_NAME, new Date(foundedMs)]);

  const user = (email: string, name: string, roles: string[], clinicIndexes: number[]) => {
    const id = ids.next(tableCode('app_user'), foundedMs);
    buffers.app_user.add([id, organisationId, email, name, passwordHash, roles, true, 1, new Date(foundedMs), new Date(foundedMs), new Date(foundedMs)]);
    for (const index of clinicIndexes) buffers.user_clinic.add([organisationId, id, clinics[index].id]);
    return id;
  };

  const clinics: SetupClinic[] = [];
  for (let index = 0; index < options.clinics; index += 1) {
    const info = CHAIN_CLINICS[index];
    const id = ids.next(tableCode('clinic'), foundedMs);
    const phone = `+1${info.areaCodes[0]}555${String(100 + index).padStart(4, '0')}`;
    buffers.clinic.add([id, organisationId, info.name, info.timeZone, `${100 + index * 37} Main Street, ${info.city}, ${info.region}`, phone, 24, new Date(foundedMs)]);
    for (const hours of OPENING_HOURS) {
      buffers.clinic_opening_hours.add([ids.next(tableCode('clinic_opening_hours'), foundedMs), organisationId, id, hours.weekday, `${hhmm(hours.opens)}:00`, `${hhmm(hours.closes)}:00`]);
    }
    const type = (name: string, kind: string, minutes: number) => {
      const typeId = ids.next(tableCode('appointment_type'), foundedMs);
      buffers.appointment_type.add([typeId, organisationId, id, name, kind, minutes, true]);
      return typeId;
    };
    const assessmentTypeId = type('IMS initial assessment', 'initial_assessment', 45);
    const treatmentTypeId = type('IMS treatment', 'treatment', 30);
    type('IMS review', 'review', 30);
    clinics.push({ index, id, info, assessmentTypeId, treatmentTypeId, receptionistUserId: '' });
  }
  const all = clinics.map((clinic) => clinic.index);
  const adminUserId = user(LARGE_CHAIN_LOGINS.admin, 'Casey Lindqvist', ['admin'], all);
  const managerUserId = user(LARGE_CHAIN_LOGINS.manager, 'Morgan Achebe', ['manager'], all);
  for (const clinic of clinics) {
    clinic.receptionistUserId = user(LARGE_CHAIN_LOGINS.receptionist(clinic.index + 1), `Front desk ${clinic.info.name}`, ['receptionist'], [clinic.index]);
  }

  const clinicians: SetupClinician[] = [];
  const roomCount = new Map<number, number>();
  const room = (clinic: number, label: string) => {
    const n = (roomCount.get(clinic) ?? 0) + 1;
    roomCount.set(clinic, n);
    const id = ids.next(tableCode('room'), foundedMs);
    buffers.room.add([id, organisationId, clinics[clinic].id, `${label} ${n}`, true]);
    return id;
  };
  const total = options.clinics * options.cliniciansPerClinic;
  for (let index = 0; index < total; index += 1) {
    const homeClinic = Math.floor(index / options.cliniciansPerClinic);
    const pattern = rng.weighted(WORK_PATTERNS);
    // Every tenth clinician spends Wednesdays at the next clinic in the same zone (cover for a busy location).
    const partner = clinics.find((c) => c.index > homeClinic && c.info.timeZone === clinics[homeClinic].info.timeZone);
    const visits = index % 10 === 3 && partner !== undefined && pattern[3] !== undefined;
    const homeRoom = room(homeClinic, 'Treatment room');
    const visitingRoom = visits ? room(partner.index, 'Visiting room') : undefined;
    const week: Array<WorkDay | undefined> = Array.from({ length: 8 }, () => undefined);
    for (const [weekday, [start, end]] of Object.entries(pattern)) {
      const atPartner = visits && Number(weekday) === 3;
      week[Number(weekday)] = { weekday: Number(weekday), clinic: atPartner ? partner!.index : homeClinic, startMinutes: start, endMinutes: end, roomId: atPartner ? visitingRoom! : homeRoom };
    }
    const number = index + 1;
    const firstName = rng.pick(CLINICIAN_FIRST_NAMES);
    const lastName = rng.pick(CLINICIAN_LAST_NAMES);
    const displayName = `${firstName} ${lastName}, PT`;
    const userId = user(LARGE_CHAIN_LOGINS.physiotherapist(number), displayName, ['physiotherapist'], visits ? [homeClinic, partner!.index] : [homeClinic]);
    const id = ids.next(tableCode('clinician'), foundedMs);
    buffers.clinician.add([id, organisationId, userId, displayName, `CPT-${String(10_000 + number * 7)}`, new Date(foundedMs)]);
    // IMS certified years before the history starts; valid well past the bookings (the app refuses to sign otherwise).
    buffers.needling_authorisation.add([
      ids.next(tableCode('needling_authorisation'), foundedMs), organisationId, id, 'ims', 'iSTOP / UBC Gunn IMS certification',
      `IMS-${2010 + (number % 12)}-${String(number).padStart(4, '0')}`, dateOfDay(startDay - rng.int(400, 3000)), dateOfDay(endDay + rng.int(180, 900)), new Date(foundedMs),
    ]);
    for (const day of week) {
      if (!day) continue;
      buffers.working_hours.add([ids.next(tableCode('working_hours'), foundedMs), organisationId, clinics[day.clinic].id, id, day.weekday, `${hhmm(day.startMinutes)}:00`, `${hhmm(day.endMinutes)}:00`]);
    }
    const daysOff = new Set<number>();
    writeLeave(buffers, ids, rng, { organisationId, clinicianId: id, createdById: managerUserId, timeZone: clinics[homeClinic].info.timeZone, startDay, endDay, nowMs, daysOff });
    clinicians.push({ index, id, userId, displayName, homeClinic, week, daysOff });
  }
  return { organisationId, adminUserId, managerUserId, clinics, clinicians, startDay, endDay, anchorDay, nowMs };
}

/** Two weeks of summer holiday and a week in winter each year, plus a few single days (courses, appointments). */
function writeLeave(
  buffers: ChainBuffers,
  ids: IdMint,
  rng: Rng,
  args: { organisationId: string; clinicianId: string; createdById: string; timeZone: string; startDay: number; endDay: number; nowMs: number; daysOff: Set<number> },
) {
  const periods: Array<[number, number, string]> = [];
  for (let yearStart = args.startDay; yearStart < args.endDay; yearStart += 364) {
    const summer = yearStart + 7 * rng.int(20, 40);
    const winter = yearStart + 7 * rng.int(44, 50);
    periods.push([summer, summer + 14, 'Annual leave'], [winter, winter + 7, 'Annual leave']);
    for (let n = 0; n < 3; n += 1) {
      const day = yearStart + rng.int(0, 363);
      periods.push([day, day + 1, rng.pick(['Professional development course', 'Personal day', 'Conference'])]);
    }
  }
  for (const [from, to, reason] of periods) {
    if (from >= args.endDay || to <= args.startDay) continue;
    for (let day = from; day < to; day += 1) args.daysOff.add(day);
    const startsAt = instantOf(args.timeZone, from, 0);
    const createdAt = Math.min(startsAt - 60 * DAY_MS, args.nowMs - HOUR_MS);
    buffers.clinician_time_off.add([
      ids.next(tableCode('clinician_time_off'), createdAt), args.organisationId, args.clinicianId, new Date(startsAt), new Date(instantOf(args.timeZone, to, 0)),
      reason, args.createdById, new Date(createdAt),
    ]);
  }
}

/** A patient as the schedule needs it. */
export interface SetupPatient {
  id: string;
  lastName: string;
  dateOfBirthDay: number;
  clinician: number;
  archived: boolean;
}

const STREETS = ['Main', 'Oak', 'Cedar', 'Maple', 'Granville', 'Victoria', 'King', 'Queen', 'Elm', 'Park', 'Highland', 'Lakeshore', 'Church', 'Mill', 'River', 'Hillside', 'Wellington', 'Dundas', 'Broadway', 'Pine'];
const STREET_KINDS = ['Street', 'Avenue', 'Road', 'Drive', 'Crescent', 'Way', 'Boulevard'];
const REFERRAL_SOURCES: ReadonlyArray<readonly [string | null, number]> = [
  ['Family physician', 40], ['Friend or family', 25], ['Web search', 15], ['Insurer', 8], ['Sports medicine clinic', 7], [null, 5],
];
const RELATIONSHIPS = ['Spouse', 'Partner', 'Parent', 'Sibling', 'Friend', 'Adult child'];

/**
 * `options.patients` patients, each registered with one clinician's clinic (patient i with clinician i mod N), with
 * names from faker's en_CA lists, ages mostly of working age with a few minors and seniors, the clinic's area codes,
 * a health number of the clinic's province (unique), an email for most, and the search columns from searchFieldsOf.
 */
export function writePatients(buffers: ChainBuffers, options: LargeChainOptions, ids: IdMint, setup: ChainSetup, faker: Faker): SetupPatient[] {
  const rng = new Rng(options.seed, 'patients');
  const patients: SetupPatient[] = [];
  const anchorYear = Number(options.anchorDate.slice(0, 4));
  for (let i = 0; i < options.patients; i += 1) {
    const clinician = setup.clinicians[i % setup.clinicians.length];
    const clinic = setup.clinics[clinician.homeClinic].info;
    const sex = rng.chance(0.56) ? 'female' : 'male';
    const firstName = faker.person.firstName(sex);
    const lastName = faker.person.lastName();
    const middleName = rng.chance(0.25) ? faker.person.middleName(sex) : null;
    const preferredName = rng.chance(0.06) ? faker.person.firstName(sex) : null;
    const age = rng.weighted([[rng.int(13, 18), 3], [rng.int(19, 44), 40], [rng.int(45, 64), 42], [rng.int(65, 90), 15]] as const);
    const dateOfBirthDay = dayNumberOf(`${anchorYear - age}-01-01`) - rng.int(0, 364);
    const phone = `+1${rng.pick(clinic.areaCodes)}${rng.int(200, 999)}${String(rng.int(0, 9999)).padStart(4, '0')}`;
    const email = rng.chance(0.78) ? `${ascii(firstName)}.${ascii(lastName)}${i}@example.com` : null;
    const healthNumber = healthNumberFor(clinic.healthNumberIssuer, i);
    const archived = rng.chance(0.01);
    const createdMs = (setup.startDay - rng.int(0, 5 * 365)) * DAY_MS + rng.int(15, 23) * HOUR_MS;
    const id = ids.next(tableCode('patient'), createdMs);
    const search = searchFieldsOf({ firstName, lastName, middleName, preferredName, phone, healthNumber });
    const emergency = rng.chance(0.5);
    const preferredContact = email ? 'email' : 'phone';
    buffers.patient.add([
      id, setup.organisationId, setup.clinics[clinician.homeClinic].id, firstName, lastName, middleName, preferredName, dateOfDay(dateOfBirthDay), sex,
      phone, email, `${rng.int(10, 9999)} ${rng.pick(STREETS)} ${rng.pick(STREET_KINDS)}`, clinic.city, clinic.region,
      `${clinic.postalPrefix} ${rng.int(1, 9)}${String.fromCharCode(65 + rng.int(0, 25))}${rng.int(1, 9)}`, 'CA', healthNumber, clinic.healthNumberIssuer,
      emergency ? `${faker.person.firstName()} ${lastName}` : null, emergency ? rng.pick(RELATIONSHIPS) : null,
      emergency ? `+1${rng.pick(clinic.areaCodes)}${rng.int(200, 999)}${String(rng.int(0, 9999)).padStart(4, '0')}` : null,
      rng.weighted(REFERRAL_SOURCES), preferredContact, email !== null && rng.chance(0.85), rng.chance(0.3),
      search.searchName, search.phoneDigits, search.healthNumberKey,
      archived ? new Date(setup.nowMs - rng.int(5, 300) * DAY_MS) : null, archived ? setup.adminUserId : null,
      new Date(createdMs), new Date(createdMs),
    ]);
    patients.push({ id, lastName, dateOfBirthDay, clinician: clinician.index, archived });
  }
  return patients;
}

const ascii = (name: string) => name.normalize('NFKD').replace(/[^A-Za-z]/g, '').toLowerCase() || 'patient';

/**
 * A health number unique per patient index, in the province's usual shape: BC PHN "9xxx xxx xxx", Alberta
 * "xxxxx-xxxx", Saskatchewan 9 digits, Ontario "xxxx-xxx-xxx". The multiplier is coprime with 10^9, so distinct
 * indexes never share a number.
 */
function healthNumberFor(issuer: string, index: number): string {
  const digits = String((index * 7_368_787) % 900_000_000 + 100_000_000);
  if (issuer === 'BC MSP') return `9${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6, 9)}`;
  if (issuer === 'AB AHCIP') return `${digits.slice(0, 5)}-${digits.slice(5, 9)}`;
  if (issuer === 'ON OHIP') return `${(index % 9) + 1}${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6, 9)}`;
  return digits;
}

const CLINICIAN_FIRST_NAMES = ['Aisha', 'Ben', 'Chloe', 'Daniel', 'Elena', 'Farid', 'Grace', 'Hiro', 'Isla', 'Jonah', 'Kiran', 'Leah', 'Mateo', 'Nadia', 'Owen', 'Priya', 'Quinn', 'Rosa', 'Sanjay', 'Tess', 'Uma', 'Victor', 'Wen', 'Yusuf', 'Zoe'];
const CLINICIAN_LAST_NAMES = ['Abbott', 'Bergstrom', 'Chowdhury', 'Dubois', 'Eriksen', 'Fontaine', 'Gill', 'Haddad', 'Ivanova', 'Jansen', 'Kowalski', 'Lam', 'MacLeod', 'Nakamura', 'Okonkwo', 'Petrov', 'Reyes', 'Singh', 'Tremblay', 'Usman', 'Vargas', 'Wong', 'Yamada', 'Zielinski'];
