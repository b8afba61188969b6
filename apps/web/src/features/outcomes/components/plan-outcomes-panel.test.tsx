import type { PlanOutcomes, RoleName } from '@ims/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { routes } from '../../../app/router';
import { sentBodies, stubApi } from '../../../test/api-stub';
import { shellHandlers } from '../../../test/patient-fixtures';
import { jsonResponse, renderRoutes } from '../../../test/render';
import { PLAN_ID, planFixture } from '../../plans/testing/plan-fixtures';
import { definitionsResponse, ndiOutcomes, recordFixture } from '../testing/outcome-fixtures';

const outcomesPath = `/api/plans/${PLAN_ID}/outcomes`;

function stubPlanOutcomes(roles: RoleName[], outcomes: () => PlanOutcomes, over: Parameters<typeof stubApi>[0] = {}) {
  return stubApi({
    ...shellHandlers(roles),
    [`GET /api/plans/${PLAN_ID}`]: () => jsonResponse(planFixture({ reviewDue: false })),
    'GET /api/visits': () => jsonResponse({ items: [], total: 0 }),
    [`GET ${outcomesPath}`]: () => jsonResponse(outcomes()),
    'GET /api/outcome-measures': () => jsonResponse(definitionsResponse),
    ...over,
  });
}

const measureSection = (name: string) => screen.findByRole('region', { name: `${name} outcomes` });

describe('PlanOutcomesPanel', { timeout: 120_000 }, () => {
  // jsdom lays nothing out: give the charts' responsive containers a size so recharts draws them.
  beforeEach(() => {
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
      const sized = this.classList.contains('recharts-responsive-container');
      return DOMRect.fromRect(sized ? { width: 640, height: 240 } : { width: 0, height: 0 });
    });
  });
  afterEach(() => vi.restoreAllMocks());

  it('shows an NDI of 30 → 20 as a change of −10 (−33.3%), MCID reached, a responder, charted with the MCID line', async () => {
    stubPlanOutcomes(['physiotherapist'], () => ndiOutcomes());
    renderRoutes(routes, `/plans/${PLAN_ID}`);

    const ndi = await measureSection('NDI');
    expect(within(ndi).getByText('Primary measure')).toBeInTheDocument();
    expect(within(ndi).getByText('Lower is better')).toBeInTheDocument();
    expect(within(ndi).getByText('30 points')).toBeInTheDocument();
    expect(within(ndi).getByText('20 points')).toBeInTheDocument();
    expect(within(ndi).getByText(/^Session 4 ·/)).toBeInTheDocument();
    expect(within(ndi).getByText('−10 points (−33.3%)')).toBeInTheDocument();
    expect(within(ndi).getByText('MCID reached')).toBeInTheDocument();
    expect(within(ndi).getByText('Responder')).toBeInTheDocument();
    expect(within(ndi).getByText(/MCID 7\.5 points \(target 22\.5 points\): Young 2009, Spine J 9:802/)).toBeInTheDocument();
    expect(screen.queryByText(/review the plan/)).not.toBeInTheDocument();

    // The chart itself: the series in the legend, the MCID line's label, the axis, and the numbers behind it.
    const chart = within(ndi).getByRole('figure', { name: 'NDI over the course' });
    await waitFor(() => expect(chart.querySelector('svg.recharts-surface')).not.toBeNull());
    expect(within(chart).getByText('NDI score')).toBeInTheDocument();
    expect(within(chart).getByText('MCID')).toBeInTheDocument();
    expect(within(chart).getByText('Session')).toBeInTheDocument();
    expect(within(chart).getByText('NDI score by session (0 = baseline); dashed line: MCID target 22.5; lower is better')).toBeInTheDocument();
    const rows = within(within(chart).getByRole('table', { name: 'NDI scores by session' })).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual(['Baseline30', 'Session 420']);

    const pain = screen.getByRole('table', { name: 'Pain before and after each visit' });
    expect(within(pain).getAllByRole('row')).toHaveLength(5);
    expect(screen.getByText(/Mean 5\.5 before and 2\.5 after over 4 visits with both ratings: pain eased by 3 points/)).toBeInTheDocument();
  });

  it('flags a primary measure that has not reached its MCID by session 4 for review', async () => {
    const reason = 'NDI has not reached its MCID of 7.5 points by session 4 (change -4 (-13.3%))';
    stubPlanOutcomes(['physiotherapist'], () => ndiOutcomes({ review: { flagged: true, reason } }, 26));
    renderRoutes(routes, `/plans/${PLAN_ID}`);

    const ndi = await measureSection('NDI');
    expect(within(ndi).getByText('−4 points (−13.3%)')).toBeInTheDocument();
    expect(within(ndi).getByText('Not reached')).toBeInTheDocument();
    expect(within(ndi).getByText('Non-responder')).toBeInTheDocument();
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('No meaningful change by session 4: review the plan');
    expect(alert).toHaveTextContent(reason);
  });

  it('records a due reassessment from its Record button, prefilled, then shows the new analysis', async () => {
    const user = userEvent.setup();
    const due = { measure: 'NDI', timepoint: 'session', sessionNumber: 4, reason: 'NDI reassessment due at session 4, the next session' } as const;
    const before = ndiOutcomes({ signedSessions: 3, due: [due] });
    before.measures = [{ ...before.measures[0]!, records: [before.measures[0]!.baseline!], latest: null, responder: null }];
    let current = before;
    const fetchMock = stubPlanOutcomes(['physiotherapist'], () => current, {
      'POST /api/outcomes': () => {
        current = ndiOutcomes({ signedSessions: 3 });
        return jsonResponse(recordFixture({ measure: 'NDI', timepoint: 'session', sessionNumber: 4, atSession: 4, score: 20 }), { status: 201 });
      },
    });
    renderRoutes(routes, `/plans/${PLAN_ID}`);

    const dueList = await screen.findByRole('region', { name: 'Outcomes due' });
    expect(dueList).toHaveTextContent('NDI (session 4)');
    expect(dueList).toHaveTextContent(due.reason);
    expect(within(await measureSection('NDI')).getByText('No reassessment yet')).toBeInTheDocument();
    await user.click(within(dueList).getByRole('button', { name: 'Record NDI (session 4)' }));

    const form = await screen.findByRole('form', { name: 'Record outcome' });
    expect(within(form).getByRole('textbox', { name: /^Measure/ })).toHaveValue('NDI: Neck Disability Index');
    expect(within(form).getByRole('radio', { name: 'Session' })).toBeChecked();
    expect(within(form).getByRole('textbox', { name: /^Session number/ })).toHaveValue('4');
    for (const group of within(within(form).getByRole('region', { name: 'NDI answers' })).getAllByRole('radiogroup')) {
      await user.click(within(group).getByRole('radio', { name: '2' }));
    }
    await user.click(within(form).getByRole('button', { name: 'Record outcome' }));

    await waitFor(() => expect(screen.queryByRole('form', { name: 'Record outcome' })).not.toBeInTheDocument());
    expect(sentBodies(fetchMock, 'POST /api/outcomes')[0]).toMatchObject({ measure: 'NDI', timepoint: 'session', sessionNumber: 4 });
    expect(await screen.findByText('Responder')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Outcomes due' })).not.toBeInTheDocument();
  });

  it('lets a manager read the outcomes without recording', async () => {
    stubPlanOutcomes(['manager'], () => ndiOutcomes({ due: [{ measure: 'NDI', timepoint: 'discharge', sessionNumber: null, reason: 'Discharge NDI due: the plan is completed' }] }));
    renderRoutes(routes, `/plans/${PLAN_ID}`);

    expect(await measureSection('NDI')).toHaveTextContent('Responder');
    expect(screen.getByRole('region', { name: 'Outcomes due' })).toHaveTextContent('NDI (discharge)');
    expect(screen.queryByRole('button', { name: /^Record/ })).not.toBeInTheDocument();
  });
});
