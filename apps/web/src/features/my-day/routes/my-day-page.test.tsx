import type { MyDayItem, RoleName } from '@ims/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { routes } from '../../../app/router';
import { CLINIC_A, sentBodies, stubApi } from '../../../test/api-stub';
import { shellHandlers } from '../../../test/patient-fixtures';
import { jsonResponse, renderRoutes } from '../../../test/render';
import { PLAN_ID } from '../../plans/testing/plan-fixtures';
import { DR_KIM, DR_LEE } from '../../schedule/testing/schedule-fixtures';

const DAY = '2026-03-10';
const NOTE_ID = '9c9c9c9c-0000-4000-8000-0000000000aa';

let sequence = 0;
function item(name: string, time: string, over: { appointment?: Partial<MyDayItem['appointment']> } & Partial<Omit<MyDayItem, 'appointment'>> = {}): MyDayItem {
  sequence += 1;
  const id = String(sequence).padStart(12, '0');
  return {
    appointment: {
      id: `6f7a8b9c-0d1e-4f2a-9b4c-${id}`,
      startsAt: `${DAY}T${time}:00-07:00`,
      endsAt: `${DAY}T${time.slice(0, 3)}30:00-07:00`,
      status: 'booked',
      clinicId: CLINIC_A.id,
      clinicName: CLINIC_A.name,
      roomName: 'Room 1',
      appointmentTypeName: 'IMS treatment',
      ...over.appointment,
    },
    patient: { id: `7f1e2d3c-4b5a-4697-8877-${id}`, name, precautions: [], ...over.patient },
    plan: over.plan ?? null,
    visit: over.visit ?? null,
  };
}

const arrived = item('Ann Arrived', '09:00', {
  appointment: { status: 'arrived' },
  patient: { id: '7f1e2d3c-4b5a-4697-8877-aaaaaaaaaaaa', name: 'Ann Arrived', precautions: ['anticoagulants'] },
  plan: { id: PLAN_ID, condition: 'neck_pain', status: 'active', completedSessions: 4, plannedSessions: 10, reviewDue: true, outcomesDue: [] },
});
const drafting = item('Dan Draft', '10:00', { appointment: { status: 'arrived' }, visit: { id: '9c9c9c9c-0000-4000-8000-0000000000d1', status: 'draft' } });
const signed = item('Sue Signed', '08:00', { appointment: { status: 'completed' }, visit: { id: '9c9c9c9c-0000-4000-8000-000000000051', status: 'signed' } });
const later = item('Bob Booked', '11:00');
const day = { date: DAY, clinicianId: DR_LEE.id, items: [arrived, drafting, signed, later] };

const rowOf = (table: HTMLElement, name: string) => within(table).getByRole('link', { name }).closest('tr')!;

function stubDay(roles: RoleName[], over: Parameters<typeof stubApi>[0] = {}) {
  return stubApi({
    ...shellHandlers(roles),
    'GET /api/my-day': () => jsonResponse(day),
    'GET /api/clinicians': () => jsonResponse({ items: [DR_LEE, DR_KIM] }),
    ...over,
  });
}

const myDayCalls = (fetchMock: ReturnType<typeof stubApi>) =>
  fetchMock.mock.calls.map(([url]) => String(url)).filter((url) => url.startsWith('/api/my-day'));

describe('MyDayPage', { timeout: 120_000 }, () => {
  it('lists the day by time with status, precautions, plan progress, review due and the note’s next step', async () => {
    stubDay(['physiotherapist']);
    renderRoutes(routes, '/my-day');

    const table = await screen.findByRole('table', { name: 'Appointments on Tuesday 10 March 2026' });
    const names = within(table)
      .getAllByRole('link')
      .filter((link) => link.getAttribute('href')?.startsWith('/patients/'))
      .map((link) => link.textContent);
    expect(names).toEqual(['Sue Signed', 'Ann Arrived', 'Dan Draft', 'Bob Booked']);

    const ann = rowOf(table, 'Ann Arrived');
    expect(within(ann).getByText('09:00–09:30')).toBeInTheDocument();
    expect(within(ann).getByText('Arrived')).toBeInTheDocument();
    expect(within(ann).getByText('Anticoagulant or antiplatelet medication')).toBeInTheDocument();
    expect(within(ann).getByText('4 of 10')).toBeInTheDocument();
    expect(within(ann).getByText('Review due')).toBeInTheDocument();
    expect(within(ann).getByRole('link', { name: 'Neck pain' })).toHaveAttribute('href', `/plans/${PLAN_ID}`);
    expect(within(ann).getByRole('button', { name: 'Start note: Ann Arrived' })).toBeInTheDocument();

    const dan = rowOf(table, 'Dan Draft');
    expect(within(dan).getByRole('link', { name: 'Continue note: Dan Draft' })).toHaveAttribute('href', `/visits/${drafting.visit!.id}`);
    expect(within(dan).getByText('No plan')).toBeInTheDocument();
    expect(within(dan).queryByText('Review due')).not.toBeInTheDocument();

    const sue = rowOf(table, 'Sue Signed');
    expect(within(sue).getByRole('link', { name: 'View note: Sue Signed' })).toHaveAttribute('href', `/visits/${signed.visit!.id}`);

    const bob = rowOf(table, 'Bob Booked');
    expect(within(bob).getByText('Not arrived yet')).toBeInTheDocument();
    expect(within(bob).queryByRole('button')).not.toBeInTheDocument();
  });

  it('starts the note of an arrived patient and opens it', async () => {
    const user = userEvent.setup();
    const fetchMock = stubDay(['physiotherapist'], { 'POST /api/visits': () => jsonResponse(visitNote(), { status: 201 }) });
    const { router } = renderRoutes(routes, '/my-day');

    await user.click(await screen.findByRole('button', { name: 'Start note: Ann Arrived' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/visits/${NOTE_ID}`));
    expect(sentBodies(fetchMock, 'POST /api/visits')).toEqual([{ appointmentId: arrived.appointment.id }]);
  });

  it('moves a day back and forth from the day the API answered for, and back to today', async () => {
    const user = userEvent.setup();
    const fetchMock = stubDay(['physiotherapist']);
    const { router } = renderRoutes(routes, '/my-day');

    await screen.findByRole('table', { name: /Appointments on/ });
    expect(myDayCalls(fetchMock)).toEqual(['/api/my-day']);
    await user.click(screen.getByRole('button', { name: 'Next day' }));
    await waitFor(() => expect(myDayCalls(fetchMock)).toContain('/api/my-day?date=2026-03-11'));
    expect(router.state.location.search).toBe('?date=2026-03-11');
    await user.click(screen.getByRole('button', { name: 'Previous day' }));
    await user.click(screen.getByRole('button', { name: 'Previous day' }));
    await waitFor(() => expect(router.state.location.search).toBe('?date=2026-03-09'));
    await user.click(screen.getByRole('button', { name: 'Today' }));
    expect(router.state.location.search).toBe('');
  });

  it('lets a manager pick the clinician and read their day without charting', async () => {
    const user = userEvent.setup();
    const fetchMock = stubDay(['manager']);
    renderRoutes(routes, '/my-day');

    expect(await screen.findByText('Choose a clinician to see their day.')).toBeInTheDocument();
    expect(myDayCalls(fetchMock)).toEqual([]);
    await user.click(screen.getByRole('textbox', { name: 'Clinician' }));
    await user.click(await screen.findByRole('option', { name: 'Dr Kim', hidden: true }));

    const table = await screen.findByRole('table', { name: /Appointments on/ });
    expect(myDayCalls(fetchMock)).toEqual([`/api/my-day?clinicianId=${DR_KIM.id}`]);
    expect(screen.getByText(/Dr Kim’s appointments on/)).toBeInTheDocument();
    expect(within(table).queryByRole('button', { name: /Start note/ })).not.toBeInTheDocument();
    expect(within(rowOf(table, 'Dan Draft')).getByText('Draft note')).toBeInTheDocument();
  });

  it('is in the physiotherapist’s navigation, and Today sums up their day', async () => {
    stubDay(['physiotherapist']);
    renderRoutes(routes, '/');

    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).getByRole('link', { name: 'My day' })).toHaveAttribute('href', '/my-day');
    const card = await screen.findByRole('region', { name: 'My day' });
    expect(await within(card).findByText('Today: 4 appointments · 1 note to finish · 1 review due.')).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: 'Open my day' })).toHaveAttribute('href', '/my-day');
  });
});

function visitNote() {
  return {
    id: NOTE_ID,
    version: 1,
    appointmentId: arrived.appointment.id,
    clinicId: CLINIC_A.id,
    patientId: arrived.patient.id,
    patient: { id: arrived.patient.id, name: arrived.patient.name },
    clinicianId: DR_LEE.id,
    clinician: { id: DR_LEE.id, name: DR_LEE.name },
    planId: PLAN_ID,
    sessionNumber: null,
    plannedSessions: 10,
    status: 'draft',
    visitedAt: arrived.appointment.startsAt,
    visitDate: DAY,
    painBefore: null,
    painAfter: null,
    subjective: '',
    objective: '',
    assessment: '',
    plan: '',
    advice: '',
    screeningChanges: '',
    needlingDone: true,
    sites: [],
    adverseEvents: [],
    needleCount: { opened: 0, removed: 0, retained: 0, disposed: 0 },
    minutesSpent: null,
    signedAt: null,
    signedBy: null,
    contentHash: null,
    addenda: [],
    createdAt: '2026-03-10T16:05:00Z',
    updatedAt: '2026-03-10T16:05:00Z',
  };
}
