import { problemType, type Plan, type RoleName } from '@ims/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { routes } from '../../../app/router';
import { sentBodies, stubApi } from '../../../test/api-stub';
import { PATIENT_ID, shellHandlers } from '../../../test/patient-fixtures';
import { jsonResponse, renderRoutes } from '../../../test/render';
import { PLAN_ID, planFixture, visitSummary } from '../testing/plan-fixtures';

const path = `/api/plans/${PLAN_ID}`;

function stubPlan(roles: RoleName[], plan: Plan = planFixture(), over: Parameters<typeof stubApi>[0] = {}) {
  return stubApi({
    ...shellHandlers(roles),
    [`GET ${path}`]: () => jsonResponse(plan),
    'GET /api/visits': () => jsonResponse({ items: [visitSummary(2), visitSummary(1, { status: 'draft', signedAt: null, sessionNumber: null })], total: 2 }),
    ...over,
  });
}

describe('PlanPage', { timeout: 120_000 }, () => {
  it('shows the progress, the review due and the plan’s visits, each opening its note', async () => {
    const fetchMock = stubPlan(['physiotherapist']);
    renderRoutes(routes, `/plans/${PLAN_ID}`);

    expect(await screen.findByRole('heading', { name: 'Neck pain: treatment plan', level: 1 })).toBeInTheDocument();
    const status = screen.getByRole('group', { name: 'Plan status' });
    expect(status).toHaveTextContent('Active');
    expect(status).toHaveTextContent('Review due');
    expect(screen.getByText('4 of 10')).toBeInTheDocument();
    expect(screen.getByText('NDI: Neck Disability Index')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Jonathan Smith' })).toHaveAttribute('href', `/patients/${PATIENT_ID}?tab=plans`);

    const visits = await screen.findByRole('table', { name: 'Visits of this plan' });
    const links = within(visits).getAllByRole('link');
    expect(links.map((link) => link.getAttribute('href'))).toEqual([`/visits/${visitSummary(1).id}`, `/visits/${visitSummary(2).id}`]);
    expect(within(visits).getByText('Draft note')).toBeInTheDocument();
    const visitsCall = fetchMock.mock.calls.map(([url]) => String(url)).find((url) => url.startsWith('/api/visits'));
    expect(visitsCall).toContain(`planId=${PLAN_ID}`);
  });

  it('records the session-4 review with the plan’s version', async () => {
    const user = userEvent.setup();
    const reviewed = planFixture({ version: 6, reviewDue: false, reviewedAt: '2026-03-03T18:00:00Z', reviewedBy: { id: PATIENT_ID, name: 'Priya Physio' }, reviewNote: 'NDI 24 → 14: continue.' });
    const fetchMock = stubPlan(['physiotherapist'], planFixture(), { [`POST ${path}/review`]: () => jsonResponse(reviewed) });
    renderRoutes(routes, `/plans/${PLAN_ID}`);

    const form = await screen.findByRole('form', { name: 'Record session-4 review' });
    await user.click(within(form).getByRole('button', { name: 'Record review' }));
    expect(await within(form).findByText('Is required')).toBeInTheDocument();
    expect(sentBodies(fetchMock, `POST ${path}/review`)).toEqual([]);

    await user.type(within(form).getByLabelText(/^Review and decision/), 'NDI 24 → 14: continue.');
    await user.click(within(form).getByRole('button', { name: 'Record review' }));
    expect(await screen.findByRole('region', { name: 'Session-4 review' })).toHaveTextContent('NDI 24 → 14: continue.');
    expect(sentBodies(fetchMock, `POST ${path}/review`)).toEqual([{ version: 5, note: 'NDI 24 → 14: continue.' }]);
    expect(screen.queryByText('Review due')).not.toBeInTheDocument();
  });

  it('discontinues only with a reason', async () => {
    const user = userEvent.setup();
    const fetchMock = stubPlan(['physiotherapist'], planFixture(), {
      [`POST ${path}/discontinue`]: () => jsonResponse(planFixture({ version: 6, status: 'discontinued', statusReason: 'Moved away', reviewDue: false })),
    });
    renderRoutes(routes, `/plans/${PLAN_ID}`);

    await user.click(await screen.findByRole('button', { name: 'Discontinue' }));
    const dialog = await screen.findByRole('form', { name: 'Discontinue plan' });
    await user.click(within(dialog).getByRole('button', { name: 'Discontinue plan' }));
    expect(await within(dialog).findByText('Is required')).toBeInTheDocument();
    expect(sentBodies(fetchMock, `POST ${path}/discontinue`)).toEqual([]);

    await user.type(within(dialog).getByLabelText(/^Reason/), 'Moved away');
    await user.click(within(dialog).getByRole('button', { name: 'Discontinue plan' }));
    await waitFor(() => expect(sentBodies(fetchMock, `POST ${path}/discontinue`)).toEqual([{ version: 5, reason: 'Moved away' }]));
    expect(await screen.findByText('Discontinued')).toBeInTheDocument();
    expect(screen.getByText('Moved away')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Edit plan' })).not.toBeInTheDocument();
  });

  it('says someone else changed the plan when activating a stale version (409), and reloads it', async () => {
    const user = userEvent.setup();
    let plan = planFixture({ status: 'draft', version: 1, completedSessions: 0, reviewDue: false, startedOn: null });
    stubPlan(['physiotherapist'], plan, {
      [`GET ${path}`]: () => jsonResponse(plan),
      [`POST ${path}/activate`]: () => {
        plan = { ...plan, version: 2, plannedSessions: 8 };
        return jsonResponse({ type: problemType('stale-version'), title: 'Conflict', status: 409 }, { status: 409 });
      },
    });
    renderRoutes(routes, `/plans/${PLAN_ID}`);

    await user.click(await screen.findByRole('button', { name: 'Activate' }));
    expect(await screen.findByText(/Someone else changed this plan while you were editing/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Reload' }));
    expect(await screen.findByText('0 of 8')).toBeInTheDocument();
    expect(screen.queryByText(/Someone else changed this plan/)).not.toBeInTheDocument();
  });

  it('edits an active plan with its version; a course outside 8-10 asks for the confirmation again', async () => {
    const user = userEvent.setup();
    const fetchMock = stubPlan(['physiotherapist'], planFixture(), { [`PATCH ${path}`]: () => jsonResponse(planFixture({ version: 6, plannedSessions: 12 })) });
    renderRoutes(routes, `/plans/${PLAN_ID}`);

    await user.click(await screen.findByRole('button', { name: 'Edit plan' }));
    const form = screen.getByRole('form', { name: 'Edit plan' });
    const sessions = within(form).getByRole('textbox', { name: /^Planned sessions/ });
    await user.clear(sessions);
    await user.type(sessions, '12');
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    expect(await within(form).findByText('Confirm the number of sessions: the usual course is 8-10')).toBeInTheDocument();

    await user.click(within(form).getByRole('checkbox', { name: 'Confirm a course of 12 sessions' }));
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(sentBodies(fetchMock, `PATCH ${path}`)).toHaveLength(1));
    expect(sentBodies(fetchMock, `PATCH ${path}`)[0]).toMatchObject({ version: 5, plannedSessions: 12, confirmUnusualSessions: true, primaryMeasure: 'NDI' });
    expect(await screen.findByText('4 of 12')).toBeInTheDocument();
  });

  it('lets a manager read the plan without acting on it or reading the notes', async () => {
    const fetchMock = stubPlan(['manager']);
    renderRoutes(routes, `/plans/${PLAN_ID}`);

    expect(await screen.findByText('4 of 10')).toBeInTheDocument();
    expect(screen.getByText(/the clinician’s review is not recorded yet/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Activate|Complete|Discontinue|Edit plan/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Record session-4 review' })).not.toBeInTheDocument();
    expect(fetchMock.mock.calls.map(([url]) => String(url)).some((url) => url.startsWith('/api/visits'))).toBe(false);
  });
});
