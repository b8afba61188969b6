import { PRECAUTIONS, problemType, type RoleName } from '@ims/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { routes } from '../../../app/router';
import { CLINIC_A, sentBodies, stubApi } from '../../../test/api-stub';
import { PATIENT_ID, patientFixture, shellHandlers } from '../../../test/patient-fixtures';
import { jsonResponse, renderRoutes } from '../../../test/render';
import { PLAN_ID, planFixture } from '../../plans/testing/plan-fixtures';

const path = `/api/patients/${PATIENT_ID}`;
const noScreening = { current: null, history: [] };
const noConsents = { items: [], inForce: null };
const emptyLog = { items: [], total: 0 };
const OLD_PLAN_ID = '8b8b8b8b-1b1b-4c2c-8d3d-4e4e4e4e4e4e';

function stubPatient(roles: RoleName[], patient = patientFixture(), over: Parameters<typeof stubApi>[0] = {}) {
  return stubApi({
    ...shellHandlers(roles),
    [`GET ${path}`]: () => jsonResponse(patient),
    [`GET ${path}/screening`]: () => jsonResponse(noScreening),
    [`GET ${path}/consents`]: () => jsonResponse(noConsents),
    [`GET ${path}/access-log`]: () => jsonResponse(emptyLog),
    ...over,
  });
}

const tabNames = async () => {
  const list = await screen.findByRole('tablist', { name: 'Patient record' });
  return within(list)
    .getAllByRole('tab')
    .map((tab) => tab.textContent);
};
const calledPaths = (fetchMock: ReturnType<typeof stubApi>) => fetchMock.mock.calls.map(([url]) => String(url).split('?')[0]);

describe('PatientPage', { timeout: 120_000 }, () => {
  it('shows a receptionist the details and yes/no flags only: no clinical tabs, no clinical calls', async () => {
    const fetchMock = stubPatient(['receptionist']);
    renderRoutes(routes, `/patients/${PATIENT_ID}?tab=screening`);

    expect(await screen.findByRole('heading', { name: 'Jonathan (Jon) Smith', level: 1 })).toBeInTheDocument();
    expect(await tabNames()).toEqual(['Details', 'Plans']);
    expect(screen.getByRole('tab', { name: 'Details' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('region', { name: 'Precautions recorded' })).toHaveTextContent('A physiotherapist has recorded precautions');
    expect(screen.getAllByText('IMS consent on file').length).toBeGreaterThan(0);
    expect(screen.getByLabelText(/^first name/i)).toHaveValue('Jonathan');
    expect(calledPaths(fetchMock)).not.toContain(`${path}/screening`);
    expect(calledPaths(fetchMock)).not.toContain(`${path}/consents`);
  });

  it('gives a physiotherapist the clinical tabs and the precautions themselves', async () => {
    const items = Object.fromEntries(
      PRECAUTIONS.map(({ key }) => [key, key === 'anticoagulants' ? { present: true, notes: 'apixaban 5 mg' } : { present: false }]),
    );
    const current = {
      id: '5a5a5a5a-5a5a-4a5a-8a5a-5a5a5a5a5a5a',
      patientId: PATIENT_ID,
      clinicId: CLINIC_A.id,
      recordedAt: '2026-03-01T17:00:00Z',
      recordedBy: { id: '6b6b6b6b-6b6b-4b6b-8b6b-6b6b6b6b6b6b', name: 'Priya Physio' },
      items,
      precautionsPresent: true,
      precautions: ['anticoagulants'],
      notes: null,
    };
    stubPatient(['physiotherapist'], patientFixture(), { [`GET ${path}/screening`]: () => jsonResponse({ current, history: [current] }) });
    renderRoutes(routes, `/patients/${PATIENT_ID}`);

    expect(await tabNames()).toEqual(['Details', 'Plans', 'Screening', 'Consent', 'Access log']);
    const banner = await screen.findByRole('region', { name: 'Precautions' });
    expect(banner).toHaveTextContent('Anticoagulant or antiplatelet medication: apixaban 5 mg');
    expect(banner).toHaveTextContent('by Priya Physio');
  });

  it('records a screening only when every precaution is answered, based on the screening shown', async () => {
    const user = userEvent.setup();
    const fetchMock = stubPatient(['physiotherapist'], patientFixture(), {
      [`PUT ${path}/screening`]: () => jsonResponse(noScreening),
    });
    renderRoutes(routes, `/patients/${PATIENT_ID}?tab=screening`);

    expect(await screen.findByRole('region', { name: 'Not screened yet' })).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'Record screening' }));
    const form = screen.getByRole('form', { name: 'Record screening' });
    await user.click(within(form).getByRole('button', { name: 'Record screening' }));
    expect(await within(form).findAllByText('Answer yes or no')).toHaveLength(PRECAUTIONS.length);
    expect(sentBodies(fetchMock, `PUT ${path}/screening`)).toEqual([]);

    for (const { label } of PRECAUTIONS) {
      const group = within(form).getByRole('radiogroup', { name: label });
      await user.click(within(group).getByRole('radio', { name: label === 'Anticoagulant or antiplatelet medication' ? 'Yes' : 'No' }));
    }
    await user.type(within(form).getByLabelText('Notes on anticoagulant or antiplatelet medication'), 'apixaban');
    await user.click(within(form).getByRole('button', { name: 'Record screening' }));

    await waitFor(() => expect(sentBodies(fetchMock, `PUT ${path}/screening`)).toHaveLength(1));
    const [sent] = sentBodies(fetchMock, `PUT ${path}/screening`) as { clinicId: string; basedOnId: unknown; items: Record<string, unknown> }[];
    expect(sent!.clinicId).toBe(CLINIC_A.id);
    expect(sent!.basedOnId).toBeNull();
    expect(sent!.items.anticoagulants).toEqual({ present: true, notes: 'apixaban' });
    expect(sent!.items.pregnancy).toMatchObject({ present: false });
    expect(Object.keys(sent!.items)).toHaveLength(PRECAUTIONS.length);
  });

  it('gives a manager the access log and record keeping, but no clinical tabs', async () => {
    stubPatient(['manager']);
    renderRoutes(routes, `/patients/${PATIENT_ID}`);

    expect(await tabNames()).toEqual(['Details', 'Plans', 'Access log', 'Archive / anonymise']);
  });

  it('asks for the guardian for a minor and pneumothorax when the thorax is included before recording consent', async () => {
    const user = userEvent.setup();
    const minor = patientFixture({ dateOfBirth: '2015-06-01' });
    const fetchMock = stubPatient(['physiotherapist'], minor);
    renderRoutes(routes, `/patients/${PATIENT_ID}?tab=consent`);

    await user.click(await screen.findByRole('button', { name: 'Record consent' }));
    const form = screen.getByRole('form', { name: 'Record consent' });
    expect(within(form).getByRole('radio', { name: 'A parent or guardian' })).toBeChecked();
    await user.click(within(form).getByRole('checkbox', { name: 'Thoracic muscles may be treated' }));
    await user.click(within(form).getByRole('checkbox', { name: 'Bruising' }));
    await user.click(within(form).getByRole('button', { name: 'Record consent' }));

    expect(await within(form).findByText('Must include pneumothorax when thoracic muscles may be treated')).toBeInTheDocument();
    expect(within(form).getAllByText('Is required when a guardian consents')).toHaveLength(2);
    expect(sentBodies(fetchMock, `POST ${path}/consents`)).toEqual([]);

    await user.click(within(form).getByRole('radio', { name: 'The patient, found capable of consenting' }));
    await user.click(within(form).getByRole('button', { name: 'Record consent' }));
    expect(await within(form).findByText('Is required: record why the minor is capable of consenting')).toBeInTheDocument();
  });

  it('an adult consents for themselves: no guardian question', async () => {
    const user = userEvent.setup();
    stubPatient(['physiotherapist']);
    renderRoutes(routes, `/patients/${PATIENT_ID}?tab=consent`);

    expect(await screen.findByText('No IMS consent in force')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Record consent' }));
    expect(screen.queryByRole('radio', { name: 'A parent or guardian' })).not.toBeInTheDocument();
    expect(screen.queryByLabelText(/guardian’s name/i)).not.toBeInTheDocument();
  });

  it('lists a physiotherapist the patient’s plans with progress, each opening its plan, and offers a new plan', async () => {
    const fetchMock = stubPatient(['physiotherapist'], patientFixture(), {
      'GET /api/plans': () => jsonResponse({ items: [planFixture(), planFixture({ id: OLD_PLAN_ID, condition: 'headache', status: 'completed', completedSessions: 8, plannedSessions: 8, reviewDue: false })], total: 2 }),
    });
    renderRoutes(routes, `/patients/${PATIENT_ID}?tab=plans`);

    const table = await screen.findByRole('table', { name: 'Treatment plans' });
    const neck = within(table).getByRole('link', { name: 'Neck pain' }).closest('tr')!;
    expect(within(table).getByRole('link', { name: 'Neck pain' })).toHaveAttribute('href', `/plans/${PLAN_ID}`);
    expect(within(neck).getByText('4 of 10')).toBeInTheDocument();
    expect(within(neck).getByText('Active')).toBeInTheDocument();
    expect(within(neck).getByText('Review due')).toBeInTheDocument();
    const headache = within(table).getByRole('link', { name: 'Headache' }).closest('tr')!;
    expect(within(headache).getByText('8 of 8')).toBeInTheDocument();
    expect(within(headache).queryByText('Review due')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'New plan' })).toBeInTheDocument();
    expect(fetchMock.mock.calls.map(([url]) => String(url)).find((url) => url.startsWith('/api/plans'))).toContain(`patientId=${PATIENT_ID}`);
  });

  it('shows reception the plans read-only: progress to book against, no plan to open or create', async () => {
    stubPatient(['receptionist'], patientFixture(), { 'GET /api/plans': () => jsonResponse({ items: [planFixture()], total: 1 }) });
    renderRoutes(routes, `/patients/${PATIENT_ID}?tab=plans`);

    const table = await screen.findByRole('table', { name: 'Treatment plans' });
    expect(within(table).getByText('Neck pain')).toBeInTheDocument();
    expect(within(table).getByText('4 of 10')).toBeInTheDocument();
    expect(within(table).queryByRole('link')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'New plan' })).not.toBeInTheDocument();
  });

  it('says someone else changed the patient on a stale edit (409) and reloads their version', async () => {
    const user = userEvent.setup();
    let version = 3;
    stubApi({
      ...shellHandlers(['receptionist']),
      [`GET ${path}`]: () => jsonResponse(patientFixture({ version, ...(version > 3 ? { lastName: 'Smith-Jones' } : {}) })),
      [`PATCH ${path}`]: () => {
        version = 4;
        return jsonResponse({ type: problemType('stale-version'), title: 'Conflict', status: 409 }, { status: 409 });
      },
    });
    renderRoutes(routes, `/patients/${PATIENT_ID}`);

    const city = await screen.findByLabelText(/^city/i);
    await user.clear(city);
    await user.type(city, 'Burnaby');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText(/Someone else changed this patient while you were editing/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(screen.getByLabelText(/^last name/i)).toHaveValue('Smith-Jones'));
  });
});
