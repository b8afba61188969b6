import { createHash } from 'node:crypto';
import { MUSCLE_REGIONS, MuscleList, type Muscle } from '@ims/contracts';
import { startTestApp, TEST_APP_SECRET, type TestApp } from '../support/test-app';
import { signIn, type SignedInAgent } from '../support/sign-in';
import { createClinicalTenant } from '../support/clinical-factories';
import { createRuntimeRole, startTestAppAsRole, type RuntimeRole } from '../support/runtime-role';

/** The id the catalogue migration gives a muscle: md5('muscle:' || code) as a uuid with version 3 and RFC 9562's variant. */
function catalogueId(code: string): string {
  const md5 = createHash('md5').update(`muscle:${code}`).digest('hex');
  const hex = `${md5.slice(0, 12)}3${md5.slice(13, 16)}${'89ab'[parseInt(md5[16], 16) % 4]}${md5.slice(17)}`;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

describe('muscle catalogue', () => {
  let testApp: TestApp;
  let tenant: Awaited<ReturnType<typeof createClinicalTenant>>;
  let physio: SignedInAgent;
  let items: Muscle[];

  beforeAll(async () => {
    testApp = await startTestApp();
    tenant = await createClinicalTenant(testApp.prisma, 'muscles');
    physio = await signIn(testApp, tenant.physio.email);
    const response = await physio.get('/api/muscles');
    expect(response.status).toBe(200);
    items = MuscleList.parse(response.body).items;
  });
  afterAll(() => testApp.close());

  const byCode = (code: string) => items.find((muscle) => muscle.code === code);

  it('holds at least 60 muscles, each with a stable snake_case code, a deterministic id and a sane depth range', () => {
    expect(items.length).toBeGreaterThanOrEqual(60);
    expect(new Set(items.map((m) => m.code)).size).toBe(items.length);
    for (const muscle of items) {
      expect(muscle.code).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(muscle.id).toBe(catalogueId(muscle.code));
      expect(muscle.depthMinCm).toBeGreaterThan(0);
      expect(muscle.depthMaxCm).toBeGreaterThanOrEqual(muscle.depthMinCm);
      expect(muscle.depthMaxCm).toBeLessThanOrEqual(10);
    }
  });

  it('orders by region, head to foot, then by name', () => {
    const regionOrder = MUSCLE_REGIONS.map((region) => region.key);
    const sorted = [...items].sort(
      (a, b) => regionOrder.indexOf(a.region) - regionOrder.indexOf(b.region) || a.name.localeCompare(b.name, 'en'),
    );
    expect(items.map((m) => m.code)).toEqual(sorted.map((m) => m.code));
    expect([...new Set(items.map((m) => m.region))]).toEqual(regionOrder);
  });

  it('keeps jaw and skull-base muscles shallow and hip muscles deep', () => {
    expect(byCode('masseter')).toMatchObject({ name: 'Masseter', region: 'head_neck', sided: true, levelled: false, depthMinCm: 0.5, depthMaxCm: 2, thoraxRisk: false });
    expect(byCode('suboccipitals')?.depthMaxCm).toBeLessThanOrEqual(2);
    expect(byCode('upper_trapezius')).toMatchObject({ depthMinCm: 1, depthMaxCm: 2.5, thoraxRisk: false });
    expect(byCode('gluteus_medius')).toMatchObject({ region: 'hip_pelvis', depthMinCm: 3, depthMaxCm: 6 });
    expect(byCode('piriformis')).toMatchObject({ depthMinCm: 5, depthMaxCm: 9 });
    expect(byCode('medial_gastrocnemius')).toMatchObject({ region: 'lower_limb', depthMinCm: 1.5, depthMaxCm: 4 });
  });

  it('flags the muscles over the pleura, and only where the lung is', () => {
    const flagged = items.filter((m) => m.thoraxRisk).map((m) => m.code);
    expect(flagged).toEqual(
      expect.arrayContaining(['rhomboid_major', 'rhomboid_minor', 'serratus_anterior', 'serratus_posterior_superior', 'intercostals', 'pectoralis_major', 'pectoralis_minor', 'iliocostalis_thoracis', 'middle_trapezius', 'lower_trapezius']),
    );
    expect(items.filter((m) => m.region === 'thorax').every((m) => m.thoraxRisk)).toBe(true);
    for (const region of ['upper_limb', 'hip_pelvis', 'lower_limb'] as const) {
      expect(items.filter((m) => m.region === region && m.thoraxRisk)).toEqual([]);
    }
    expect(byCode('lumbar_multifidus')?.thoraxRisk).toBe(false);
  });

  it('asks for a spinal level on the paraspinals and no side on midline structures', () => {
    expect(byCode('lumbar_multifidus')).toMatchObject({ region: 'back', levelled: true, sided: true, depthMinCm: 3, depthMaxCm: 7 });
    expect(byCode('cervical_multifidus')?.levelled).toBe(true);
    expect(byCode('lumbar_interspinales')).toMatchObject({ sided: false, levelled: true });
    expect(byCode('gluteus_maximus')?.levelled).toBe(false);
  });

  it.each(['manager', 'admin'] as const)('serves the %s too', async (role) => {
    const agent = await signIn(testApp, tenant[role].email);
    const response = await agent.get('/api/muscles');
    expect(response.status).toBe(200);
    expect(response.body.items).toHaveLength(items.length);
  });

  it('is not for the front desk (403) and needs a session (401)', async () => {
    const reception = await signIn(testApp, tenant.receptionist.email);
    expect((await reception.get('/api/muscles')).status).toBe(403);
    expect((await testApp.http.get('/api/muscles')).status).toBe(401);
  });

  describe('as the runtime role', () => {
    let role: RuntimeRole;
    let asRole: Awaited<ReturnType<typeof startTestAppAsRole>>;
    beforeAll(async () => {
      role = await createRuntimeRole();
      asRole = await startTestAppAsRole(role, { APP_SECRET: TEST_APP_SECRET, MFA_REQUIRED_ROLES: '', JOB_WORKERS: 'off' });
    });
    afterAll(async () => {
      await asRole.close();
      await role.drop();
    });

    it('reads the catalogue but can neither add, change nor remove a muscle: migrations own it', async () => {
      const owner = await createClinicalTenant(asRole.prisma, 'muscles-role');
      const agent = await signIn(asRole, owner.physio.email);
      expect((await agent.get('/api/muscles')).body.items).toHaveLength(items.length);
      await expect(asRole.prisma.$executeRawUnsafe(`INSERT INTO muscle (id, code, name, region, depth_min_cm, depth_max_cm) VALUES (gen_random_uuid(), 'made_up', 'Made up', 'back', 1, 2)`)).rejects.toThrow(/permission denied/);
      await expect(asRole.prisma.$executeRawUnsafe(`UPDATE muscle SET depth_max_cm = 9 WHERE code = 'masseter'`)).rejects.toThrow(/permission denied/);
      await expect(asRole.prisma.$executeRawUnsafe(`DELETE FROM muscle WHERE code = 'masseter'`)).rejects.toThrow(/permission denied/);
    });
  });
});
