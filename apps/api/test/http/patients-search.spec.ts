import { PatientSearchResult } from '@ims/contracts';
import { startTestApp, type TestApp } from '../support/test-app';
import { signIn, type SignedInAgent } from '../support/sign-in';
import { createOrganisation, createUser } from '../support/factories';
import { createClinic } from '../support/clinician-factories';
import { insertPatient, type PatientSeed } from '../support/patient-factories';

/**
 * A front desk's worth of patients with the near-misses that make search hard: similar surnames (Thompson, Thomson,
 * Thomsen), variant spellings (Katherine, Catherine, Kathryn), shared first names, accents and preferred names.
 */
const PATIENTS: PatientSeed[] = [
  { firstName: 'John', lastName: 'Smith', dateOfBirth: '1975-05-12', phone: '+16045550101' },
  { firstName: 'Joan', lastName: 'Smithers', dateOfBirth: '1968-11-02' },
  { firstName: 'John', lastName: 'Smithson', dateOfBirth: '1982-01-23' },
  { firstName: 'Jonathan', lastName: 'Smart', dateOfBirth: '1990-07-30' },
  { firstName: 'Jon', lastName: 'Snow', dateOfBirth: '1986-12-25' },
  { firstName: 'Johanna', lastName: 'Schmidt', dateOfBirth: '1959-04-18' },
  { firstName: 'Sam', lastName: 'Smyth-Jones', dateOfBirth: '1971-08-08' },
  { firstName: 'Jane', lastName: 'Smith', dateOfBirth: '1979-02-14' },
  { firstName: 'Robert', lastName: 'Thompson', dateOfBirth: '1955-10-01', preferredName: 'Bob' },
  { firstName: 'Ruth', lastName: 'Thomson', dateOfBirth: '1962-03-09' },
  { firstName: 'Erik', lastName: 'Thomsen', dateOfBirth: '1988-06-21' },
  { firstName: 'Tom', lastName: 'Tompkins', dateOfBirth: '1993-09-17' },
  { firstName: 'Thomas', lastName: 'Hampton', dateOfBirth: '1947-12-03' },
  { firstName: 'Katherine', lastName: 'Walsh', dateOfBirth: '1984-07-19' },
  { firstName: 'Catherine', lastName: 'Welsh', dateOfBirth: '1970-01-05' },
  { firstName: 'Kathryn', lastName: 'Walters', dateOfBirth: '1999-05-28' },
  { firstName: 'Karine', lastName: 'Wallace', dateOfBirth: '1965-11-11' },
  { firstName: 'Kate', lastName: 'Wilson', dateOfBirth: '2001-02-02' },
  { firstName: 'Zoë', lastName: "O'Brien", dateOfBirth: '1996-04-04', email: 'zoe@example.com' },
  { firstName: 'Zoey', lastName: 'Bryant', dateOfBirth: '1997-03-03' },
  { firstName: 'Siobhan', lastName: 'Murphy', dateOfBirth: '1983-03-17' },
  { firstName: 'Sean', lastName: 'Murray', dateOfBirth: '1977-07-07' },
  { firstName: 'Minh', lastName: 'Nguyen', dateOfBirth: '1989-10-10', phone: '+17785550177' },
  { firstName: 'Linh', lastName: 'Nguyen', dateOfBirth: '1991-12-12' },
  { firstName: 'Thi', lastName: 'Ngo', dateOfBirth: '1961-06-30' },
  { firstName: 'Wei', lastName: 'Zhang', dateOfBirth: '1980-08-08' },
  { firstName: 'Wen', lastName: 'Chang', dateOfBirth: '1974-04-14' },
  { firstName: 'Priya', lastName: 'Patel', dateOfBirth: '1992-02-29' },
  { firstName: 'Priyanka', lastName: 'Patil', dateOfBirth: '1987-09-09' },
  { firstName: 'Raj', lastName: 'Patel', dateOfBirth: '1958-05-05' },
  { firstName: 'Gurpreet', lastName: 'Singh', dateOfBirth: '1985-01-31', phone: '+16045550123', phoneAlt: '+17785550999' },
  { firstName: 'Harpreet', lastName: 'Sidhu', dateOfBirth: '1994-11-30' },
  { firstName: 'Mohammed', lastName: 'Ali', dateOfBirth: '1976-03-21' },
  { firstName: 'Muhammad', lastName: 'Aly', dateOfBirth: '2000-10-20' },
  { firstName: 'Ahmed', lastName: 'Hassan', dateOfBirth: '1969-09-19' },
  { firstName: 'Fatima', lastName: 'Hussain', dateOfBirth: '1998-08-18' },
  { firstName: 'Margaret', lastName: 'MacDonald', dateOfBirth: '1949-02-11' },
  { firstName: 'Mary', lastName: 'McDonald', dateOfBirth: '1953-06-16' },
  { firstName: 'Donald', lastName: 'Mack', dateOfBirth: '1960-01-01' },
  { firstName: 'José', lastName: 'García', dateOfBirth: '1972-12-12' },
  { firstName: 'Jose', lastName: 'Garza', dateOfBirth: '1981-11-21' },
  { firstName: 'Maria', lastName: 'Gonzalez', dateOfBirth: '1966-07-27' },
  { firstName: 'Élodie', lastName: 'Lefèvre', dateOfBirth: '1995-05-15' },
  { firstName: 'François', lastName: 'Tremblay', dateOfBirth: '1961-03-14', healthNumber: '9123 456 789' },
  { firstName: 'Isabelle', lastName: 'Tremblay', dateOfBirth: '1961-03-14' },
  { firstName: 'Olivia', lastName: 'Anderson', dateOfBirth: '2003-03-30' },
  { firstName: 'Oliver', lastName: 'Andersen', dateOfBirth: '2005-05-25' },
  { firstName: 'William', lastName: 'Henderson', dateOfBirth: '1944-04-24', middleName: 'Arthur' },
  { firstName: 'Liam', lastName: 'Williamson', dateOfBirth: '2008-08-28' },
  { firstName: 'Grace', lastName: 'Kowalski', dateOfBirth: '1978-10-31', healthNumber: 'AB-123456' },
  { firstName: 'Greta', lastName: 'Kowalczyk', dateOfBirth: '1990-09-19' },
  { firstName: 'Archibald', lastName: 'Featherstonehaugh', dateOfBirth: '1939-11-11', archived: true },
];

describe('patients: search', () => {
  let testApp: TestApp;
  let orgId: string;
  let clinicId: string;
  let otherClinicId: string;
  let foreignClinicId: string;
  let reception: SignedInAgent;
  const ids = new Map<string, string>();

  const search = async (query: string, agent = reception) =>
    PatientSearchResult.parse((await agent.get(`/api/patients?${query}`).expect(200)).body);
  const names = (result: { items: Array<{ firstName: string; lastName: string }> }) => result.items.map((p) => `${p.firstName} ${p.lastName}`);
  const q = (text: string) => `q=${encodeURIComponent(text)}`;

  beforeAll(async () => {
    testApp = await startTestApp();
    const { organisation, clinic } = await createOrganisation(testApp.prisma);
    orgId = organisation.id;
    clinicId = clinic.id;
    otherClinicId = (await createClinic(testApp.prisma, { organisationId: orgId })).id;
    for (const [index, seed] of PATIENTS.entries()) {
      const homeClinicId = index % 5 === 4 ? otherClinicId : clinicId;
      const row = await insertPatient(testApp.prisma, { organisationId: orgId, homeClinicId, ...seed });
      ids.set(`${seed.firstName} ${seed.lastName}`, row.id);
    }
    const user = await createUser(testApp.prisma, { organisationId: orgId, clinicIds: [clinicId], roles: ['receptionist'] });
    reception = await signIn(testApp, user.email);

    const other = await createOrganisation(testApp.prisma);
    foreignClinicId = other.clinic.id;
    await insertPatient(testApp.prisma, { organisationId: other.organisation.id, homeClinicId: other.clinic.id, firstName: 'John', lastName: 'Smith', dateOfBirth: '1975-05-12', phone: '+16045550101' });
  });
  afterAll(() => testApp.close());

  it.each([
    ['jon smyth', 'John Smith'],
    ['smith john', 'John Smith'],
    ['Thompsen', 'Robert Thompson'],
    ['Kathrine', 'Katherine Walsh'],
    ['kathrine walsh', 'Katherine Walsh'],
    ['Catherin Welsh', 'Catherine Welsh'],
    ['Ngyuen Minh', 'Minh Nguyen'],
    ['gurpret sing', 'Gurpreet Singh'],
    ['macdonald margret', 'Margaret MacDonald'],
    ['Zoe OBrien', "Zoë O'Brien"],
    ['elodie lefevre', 'Élodie Lefèvre'],
    ['kowalsky', 'Grace Kowalski'],
    ['Hendersen', 'William Henderson'],
    ['bob thompson', 'Robert Thompson'],
    ['arthur henderson', 'William Henderson'],
    ['fransois tremblay', 'François Tremblay'],
  ])('ranks the intended patient first for "%s"', async (text, expected) => {
    const result = await search(q(text));
    expect(names(result)[0]).toBe(expected);
  });

  it('ranks a name matching every typed word above one matching a single word exactly', async () => {
    const result = names(await search(q('jon smyth')));
    expect(result[0]).toBe('John Smith');
    expect(result).toEqual(expect.arrayContaining(['Jon Snow', 'Sam Smyth-Jones']));
  });

  it('finds as the name is typed, from the first letters', async () => {
    expect(names(await search(q('tho')))).toEqual(expect.arrayContaining(['Robert Thompson', 'Ruth Thomson', 'Erik Thomsen']));
    expect(names(await search(q('Siob')))[0]).toBe('Siobhan Murphy');
    expect(names(await search(q('featherst')))).toEqual([]);
  });

  it('ranks the exact surname before its near-misses, ties broken by last then first name', async () => {
    const result = names(await search(q('smith')));
    expect(result.slice(0, 2)).toEqual(['Jane Smith', 'John Smith']);
    expect(result).toEqual(expect.arrayContaining(['Joan Smithers', 'John Smithson']));
    expect(result.indexOf('Joan Smithers')).toBeGreaterThan(1);
    const patels = names(await search(q('patel')));
    expect(patels.slice(0, 2)).toEqual(['Priya Patel', 'Raj Patel']);
  });

  it('finds by any part of a phone number in any notation, whole numbers first', async () => {
    expect(names(await search(q('(604) 555-0123')))).toEqual(['Gurpreet Singh']);
    expect(names(await search(q('+1 604 555 0123')))).toEqual(['Gurpreet Singh']);
    expect(names(await search(q('5550999')))).toEqual(['Gurpreet Singh']);
    expect(names(await search(q('0177')))).toEqual(['Minh Nguyen']);
    const fragment = names(await search(q('604-555')));
    expect(fragment).toEqual(expect.arrayContaining(['John Smith', 'Gurpreet Singh']));
    expect(fragment).not.toContain('Minh Nguyen');
  });

  it('finds by date of birth, in name order', async () => {
    expect(names(await search(q('1961-03-14')))).toEqual(['François Tremblay', 'Isabelle Tremblay']);
    expect(names(await search(q('1961/03/14')))).toEqual(['François Tremblay', 'Isabelle Tremblay']);
  });

  it('finds by health number however it is spaced, letters included', async () => {
    expect(names(await search(q('9123456789')))).toEqual(['François Tremblay']);
    expect(names(await search(q('9123-456-789')))).toEqual(['François Tremblay']);
    expect(names(await search(q('ab 123456')))[0]).toBe('Grace Kowalski');
  });

  it('leaves archived patients out unless asked, and marks them', async () => {
    expect(names(await search(q('Featherstonehaugh')))).toEqual([]);
    const included = await search(`${q('Featherstonehaugh')}&includeArchived=true`);
    expect(included.items).toEqual([expect.objectContaining({ lastName: 'Featherstonehaugh', archived: true })]);
    const everyone = await search('pageSize=100');
    expect(everyone.total).toBe(PATIENTS.length - 1);
    expect((await search('pageSize=100&includeArchived=true')).total).toBe(PATIENTS.length);
  });

  it("never returns another organisation's patients", async () => {
    expect((await search(q('John Smith'))).items.filter((p) => p.firstName === 'John' && p.lastName === 'Smith')).toHaveLength(1);
    expect((await search(q('6045550101'))).items.map((p) => p.id)).toEqual([ids.get('John Smith')]);
    expect((await search(q('1975-05-12'))).total).toBe(1);
    await reception.get(`/api/patients?clinicId=${foreignClinicId}`).expect(404);
  });

  it('filters by home clinic', async () => {
    const atOther = await search(`clinicId=${otherClinicId}&pageSize=100`);
    const expected = PATIENTS.filter((seed, index) => index % 5 === 4 && !seed.archived).length;
    expect(atOther.total).toBe(expected);
    expect(atOther.items.every((p) => p.homeClinicId === otherClinicId)).toBe(true);
  });

  it('pages with a total, also past the last page', async () => {
    const first = await search('pageSize=20&page=1');
    const third = await search('pageSize=20&page=3');
    const beyond = await search('pageSize=20&page=9');
    expect(first.items).toHaveLength(20);
    expect(third.items).toHaveLength(PATIENTS.length - 1 - 40);
    expect(beyond).toEqual({ items: [], total: PATIENTS.length - 1 });
    expect(names(first)[0]).toBe('Mohammed Ali');
    const tremblays = await search(`${q('tremblay')}&pageSize=1&page=2`);
    expect(tremblays.total).toBe(2);
    expect(tremblays.items).toHaveLength(1);
  });

  it('serves every role, writes no audit row per search, and refuses bad parameters naming them', async () => {
    for (const role of ['physiotherapist', 'manager', 'admin'] as const) {
      const user = await createUser(testApp.prisma, { organisationId: orgId, clinicIds: [clinicId], roles: [role] });
      expect(names(await search(q('jon smyth'), await signIn(testApp, user.email)))[0]).toBe('John Smith');
    }
    expect(await testApp.prisma.auditEvent.count({ where: { organisationId: orgId, entityType: 'patient' } })).toBe(0);
    const bad = await reception.get('/api/patients?pageSize=0&includeArchived=maybe&clinicId=main').expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['clinicId', 'includeArchived', 'pageSize']);
  });

  it('treats quotes, percent signs and SQL as plain text', async () => {
    expect((await search(q("o'brien"))).items[0].lastName).toBe("O'Brien");
    expect((await search(q("%' OR 1=1 --"))).items).toEqual([]);
    expect((await search(q('%'))).total).toBe(PATIENTS.length - 1);
  });
});
