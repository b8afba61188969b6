/** The demo clinic's fixed facts, as documented in shared/docs/api-shape.md: logins, clinics, password. */
export const DEMO_PASSWORD = 'demo-clinic-2026';
export const DEMO_ORGANISATION_NAME = 'Cedar Grove IMS Physiotherapy';
export const DEMO_TIME_ZONE = 'America/Vancouver';

export const DEMO_CLINICS = [
  {
    key: 'kitsilano',
    name: 'Kitsilano',
    address: '2150 W 4th Ave, Vancouver, BC V6K 1N6',
    phone: '+16045550100',
    rooms: ['Treatment room 1', 'Treatment room 2', 'Treatment room 3'],
  },
  {
    key: 'burnaby',
    name: 'Burnaby Metrotown',
    address: '4720 Kingsway, Burnaby, BC V5H 4N2',
    phone: '+16045550200',
    rooms: ['Room A', 'Room B'],
  },
] as const;
export type DemoClinicKey = (typeof DEMO_CLINICS)[number]['key'];

export const DEMO_APPOINTMENT_TYPES = [
  { name: 'IMS initial assessment', kind: 'initial_assessment', durationMinutes: 45 },
  { name: 'IMS treatment', kind: 'treatment', durationMinutes: 30 },
  { name: 'IMS review', kind: 'review', durationMinutes: 30 },
] as const;

type Role = 'receptionist' | 'physiotherapist' | 'manager' | 'admin';

/** Weekly hours per clinic: ISO weekday (1 = Monday) to [start, end) wall-clock hours. */
export type WeeklyHours = Partial<Record<DemoClinicKey, Array<{ weekday: number; start: string; end: string }>>>;

export interface DemoUser {
  email: string;
  name: string;
  roles: Role[];
  clinics: DemoClinicKey[];
  clinician?: {
    registrationNumber: string;
    /** An IMS authorisation valid around "now" when present. */
    imsAuthorisation?: { issuingBody: string; number: string };
    hours: WeeklyHours;
  };
}

const weekdays = (days: number[], start: string, end: string) => days.map((weekday) => ({ weekday, start, end }));

export const DEMO_USERS: DemoUser[] = [
  { email: 'admin@demo.clinic', name: 'Alex Morgan', roles: ['admin'], clinics: ['kitsilano', 'burnaby'] },
  { email: 'manager@demo.clinic', name: 'Jordan Patel', roles: ['manager'], clinics: ['kitsilano', 'burnaby'] },
  { email: 'reception@demo.clinic', name: 'Riley Chen', roles: ['receptionist'], clinics: ['kitsilano'] },
  {
    email: 'physio@demo.clinic',
    name: 'Dr. Maya Thompson, PT',
    roles: ['physiotherapist'],
    clinics: ['kitsilano', 'burnaby'],
    clinician: {
      registrationNumber: 'CPTBC-08812',
      imsAuthorisation: { issuingBody: 'iSTOP / UBC Gunn IMS certification', number: 'IMS-2019-0442' },
      hours: {
        kitsilano: weekdays([1, 3, 5], '08:00', '16:00'),
        burnaby: weekdays([2, 4], '09:00', '17:00'),
      },
    },
  },
  {
    email: 'physio2@demo.clinic',
    name: 'Sam Okafor, PT',
    roles: ['physiotherapist'],
    clinics: ['kitsilano'],
    clinician: {
      registrationNumber: 'CPTBC-11937',
      hours: { kitsilano: weekdays([1, 2, 3, 4, 5], '09:00', '17:00') },
    },
  },
];
