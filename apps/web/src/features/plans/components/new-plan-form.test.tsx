import { problemType } from '@ims/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { routes } from '../../../app/router';
import { CLINIC_A, sentBodies, stubApi } from '../../../test/api-stub';
import { PATIENT_ID, patientFixture, shellHandlers } from '../../../test/patient-fixtures';
import { jsonResponse, renderRoutes } from '../../../test/render';
import { PLAN_ID, planFixture } from '../testing/plan-fixtures';

const created = planFixture({ status: 'draft', completedSessions: 0, reviewDue: false, startedOn: null, version: 1 });

function stubPlanning(over: Parameters<typeof stubApi>[0] = {}) {
  return stubApi({
    ...shellHandlers(['physiotherapist']),
    [`GET /api/patients/${PATIENT_ID}`]: () => jsonResponse(patientFixture()),
    [`GET /api/patients/${PATIENT_ID}/screening`]: () => jsonResponse({ current: null, history: [] }),
    'GET /api/plans': () => jsonResponse({ items: [], total: 0 }),
    'POST /api/plans': () => jsonResponse(created, { status: 201 }),
    [`GET /api/plans/${PLAN_ID}`]: () => jsonResponse(created),
    'GET /api/visits': () => jsonResponse({ items: [], total: 0 }),
    ...over,
  });
}

async function openNewPlanForm(over: Parameters<typeof stubApi>[0] = {}) {
  const user = userEvent.setup();
  const fetchMock = stubPlanning(over);
  const view = renderRoutes(routes, `/patients/${PATIENT_ID}?tab=plans`);
  await user.click(await screen.findByRole('button', { name: 'New plan' }));
  const form = screen.getByRole('form', { name: 'New plan' });
  return { user, fetchMock, form, ...view };
}

async function choose(user: ReturnType<typeof userEvent.setup>, form: HTMLElement, field: RegExp, option: string) {
  await user.click(within(form).getByRole('textbox', { name: field }));
  // Mantine's combobox dropdowns stay display:none in jsdom (no layout), so their options are found with `hidden`.
  await user.click(await screen.findByRole('option', { name: option, hidden: true }));
}

async function setSessions(user: ReturnType<typeof userEvent.setup>, form: HTMLElement, sessions: string) {
  const input = within(form).getByRole('textbox', { name: /^Planned sessions/ });
  await user.clear(input);
  await user.type(input, sessions);
}

describe('NewPlanForm', { timeout: 120_000 }, () => {
  it('plans a usual course of 9 sessions without asking for a confirmation, then opens the plan', async () => {
    const { user, fetchMock, form, router } = await openNewPlanForm();

    expect(within(form).getByRole('textbox', { name: /^Planned sessions/ })).toHaveValue('10');
    await choose(user, form, /^Condition/, 'Neck pain');
    // The measure that suits the condition is preselected.
    expect(within(form).getByRole('textbox', { name: /^Primary outcome measure/ })).toHaveValue('NDI: Neck Disability Index');
    await setSessions(user, form, '9');
    expect(within(form).queryByRole('checkbox', { name: /Confirm a course/ })).not.toBeInTheDocument();
    await user.type(within(form).getByLabelText('Goals'), 'Drive without neck pain');
    await user.click(within(form).getByRole('button', { name: 'Save plan' }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/plans/${PLAN_ID}`));
    expect(sentBodies(fetchMock, 'POST /api/plans')).toEqual([
      {
        patientId: PATIENT_ID,
        clinicId: CLINIC_A.id,
        condition: 'neck_pain',
        regions: [],
        goals: 'Drive without neck pain',
        plannedSessions: 9,
        primaryMeasure: 'NDI',
      },
    ]);
    const [, init] = fetchMock.mock.calls.find(([url, request]) => String(url) === '/api/plans' && request?.method === 'POST')!;
    expect((init?.headers as Record<string, string>)['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('asks to confirm a course of 12 sessions and sends nothing until it is confirmed', async () => {
    const { user, fetchMock, form } = await openNewPlanForm();

    await choose(user, form, /^Condition/, 'Whiplash');
    await setSessions(user, form, '12');
    const confirm = within(form).getByRole('checkbox', { name: 'Confirm a course of 12 sessions' });
    expect(confirm).not.toBeChecked();
    await user.click(within(form).getByRole('button', { name: 'Save plan' }));

    expect(await within(form).findByText('Confirm the number of sessions: the usual course is 8-10')).toBeInTheDocument();
    expect(sentBodies(fetchMock, 'POST /api/plans')).toEqual([]);

    await user.click(confirm);
    await user.click(within(form).getByRole('button', { name: 'Save plan' }));
    await waitFor(() => expect(sentBodies(fetchMock, 'POST /api/plans')).toHaveLength(1));
    expect(sentBodies(fetchMock, 'POST /api/plans')[0]).toMatchObject({ condition: 'whiplash', plannedSessions: 12, confirmUnusualSessions: true });
  });

  it('asks again when the confirmed number changes, and for the condition in words when it is "other"', async () => {
    const { user, fetchMock, form } = await openNewPlanForm();

    await choose(user, form, /^Condition/, 'Other');
    await setSessions(user, form, '6');
    await user.click(within(form).getByRole('checkbox', { name: 'Confirm a course of 6 sessions' }));
    await setSessions(user, form, '5');
    expect(within(form).getByRole('checkbox', { name: 'Confirm a course of 5 sessions' })).not.toBeChecked();
    await user.click(within(form).getByRole('button', { name: 'Save plan' }));

    expect(await within(form).findByText('Describe the condition')).toBeInTheDocument();
    expect(within(form).getByText('Confirm the number of sessions: the usual course is 8-10')).toBeInTheDocument();
    expect(sentBodies(fetchMock, 'POST /api/plans')).toEqual([]);
  });

  it('puts the API’s field errors on the fields', async () => {
    const { user, form } = await openNewPlanForm({
      'POST /api/plans': () =>
        jsonResponse(
          { type: problemType('validation'), title: 'Bad Request', status: 400, errors: [{ path: 'goals', message: 'is too long' }] },
          { status: 400 },
        ),
    });

    await choose(user, form, /^Condition/, 'Headache');
    await user.click(within(form).getByRole('button', { name: 'Save plan' }));
    expect(await within(form).findByText('Is too long')).toBeInTheDocument();
  });
});
