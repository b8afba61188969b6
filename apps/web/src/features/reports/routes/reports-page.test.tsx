import type { RoleName } from '@ims/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { routes } from '../../../app/router';
import { stubApi } from '../../../test/api-stub';
import { PATIENT_ID, shellHandlers } from '../../../test/patient-fixtures';
import { jsonResponse, renderRoutes } from '../../../test/render';
import { PLAN_ID } from '../../plans/testing/plan-fixtures';
import { appointmentRow, appointmentsPage, attendanceFixture, caseloadFixture, FROM, MAYA, outcomesFixture, TO } from '../testing/report-fixtures';

const RANGE = `from=${FROM}&to=${TO}`;

function stubReports(roles: RoleName[] = ['manager'], over: Parameters<typeof stubApi>[0] = {}) {
  return stubApi({
    ...shellHandlers(roles),
    'GET /api/reports/caseload': () => jsonResponse(caseloadFixture()),
    'GET /api/reports/outcomes': () => jsonResponse(outcomesFixture()),
    'GET /api/reports/attendance': () => jsonResponse(attendanceFixture()),
    ...over,
  });
}

/** The URLs fetched under `path`, decoded to their query parameters. */
function requests(fetchMock: ReturnType<typeof stubApi>, path: string): URLSearchParams[] {
  return fetchMock.mock.calls
    .map(([input]) => String(input))
    .filter((url) => url.split('?')[0] === path)
    .map((url) => new URLSearchParams(url.split('?')[1] ?? ''));
}

/** The first screen of a test waits longer: a cold start on a busy machine takes more than findBy's second. */
const LOADING = { timeout: 20_000 };

const cellsOf = (row: HTMLElement) => within(row).getAllByRole('cell').map((cell) => cell.textContent);

describe('ReportsPage', { timeout: 120_000 }, () => {
  // jsdom lays nothing out: give the charts' responsive containers a size so recharts draws them.
  beforeEach(() => {
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
      const sized = this.classList.contains('recharts-responsive-container');
      return DOMRect.fromRect(sized ? { width: 640, height: 240 } : { width: 0, height: 0 });
    });
  });
  afterEach(() => vi.restoreAllMocks());

  it('shows the caseload per clinician with every figure and the totals, and charts utilisation', async () => {
    const fetchMock = stubReports();
    renderRoutes(routes, `/reports?${RANGE}`);

    const table = await screen.findByRole('table', { name: 'Caseload per clinician' }, LOADING);
    const [, maya, sam, totals] = within(table).getAllByRole('row');
    expect(within(maya!).getByRole('rowheader')).toHaveTextContent(MAYA.name);
    expect(cellsOf(maya!)).toEqual(['9', '7', '12', '7.5 of 10', '75%', '1 of 14 (7.1%)', '2 of 14 (14.3%)', '8.3', '3', '1', '2', '50%', '4']);
    expect(cellsOf(sam!)).toEqual(['5', '6', '8', '4.25 of 0', '–', '3 of 11 (27.3%)', '0 of 11 (0%)', '–', '0', '0', '0', '–', '0']);
    expect(within(totals!).getByRole('rowheader')).toHaveTextContent('Total');
    expect(cellsOf(totals!)).toEqual(['14', '11', '20', '11.75 of 10', '117.5%', '4 of 25 (16%)', '2 of 25 (8%)', '8.3', '3', '1', '2', '50%', '4']);
    expect(within(table).getByRole('button', { name: 'Sessions delivered, All clinicians: 20' })).toBeInTheDocument();
    expect(within(table).getByRole('button', { name: `What "Sessions delivered" counts` })).toHaveAccessibleDescription(/^Completed appointments in the range\./);

    const chart = screen.getByRole('figure', { name: 'Utilisation per clinician' });
    await waitFor(() => expect(chart.querySelector('svg.recharts-surface')).not.toBeNull());
    expect(within(chart).getByText(MAYA.name)).toBeInTheDocument();
    // Sam has no working hours in the range: no utilisation to chart.
    expect(within(chart).queryByText('Sam Okafor, PT')).not.toBeInTheDocument();

    expect(requests(fetchMock, '/api/reports/caseload').map((params) => params.toString())).toEqual([RANGE]);
  });

  it('opens the appointments behind a clinician’s sessions delivered, asking for that metric and clinician', async () => {
    const user = userEvent.setup();
    const rows = [appointmentRow(1), appointmentRow(2, { planId: null, moves: 1 })];
    const fetchMock = stubReports(['manager'], { 'GET /api/reports/caseload/drilldown': () => jsonResponse(appointmentsPage(rows)) });
    renderRoutes(routes, `/reports?${RANGE}`);

    await user.click(await screen.findByRole('button', { name: `Sessions delivered, ${MAYA.name}: 12` }, LOADING));

    const drawer = await screen.findByRole('dialog', { name: `Sessions delivered · ${MAYA.name}` });
    const list = await within(drawer).findByRole('table', { name: `Sessions delivered · ${MAYA.name}` });
    expect(within(list).getAllByRole('row')).toHaveLength(3);
    expect(within(list).getAllByRole('link', { name: 'Jonathan Smith' })[0]).toHaveAttribute('href', `/patients/${PATIENT_ID}`);
    expect(within(list).getAllByRole('link', { name: 'Plan of Jonathan Smith' })).toHaveLength(1);
    expect(within(list).getAllByRole('link', { name: 'Plan of Jonathan Smith' })[0]).toHaveAttribute('href', `/plans/${PLAN_ID}`);
    expect(within(list).getByText('Moved 1×')).toBeInTheDocument();
    expect(within(drawer).getByText('1–2 of 2 appointments')).toBeInTheDocument();

    const [query] = requests(fetchMock, '/api/reports/caseload/drilldown');
    expect(Object.fromEntries(query!)).toEqual({ from: FROM, to: TO, metric: 'sessionsDelivered', clinicianId: MAYA.id, page: '1', pageSize: '25' });
  });

  it('opens the totals’ no-shows without a clinician', async () => {
    const user = userEvent.setup();
    const fetchMock = stubReports(['manager'], {
      'GET /api/reports/caseload/drilldown': () => jsonResponse(appointmentsPage([appointmentRow(1, { status: 'no_show' })], 1, 'noShows')),
    });
    renderRoutes(routes, `/reports?${RANGE}`);

    await user.click(await screen.findByRole('button', { name: 'No-shows, All clinicians: 4' }, LOADING));

    expect(await screen.findByRole('dialog', { name: 'No-shows · All clinicians' })).toBeInTheDocument();
    const [query] = requests(fetchMock, '/api/reports/caseload/drilldown');
    expect(query!.get('metric')).toBe('noShows');
    expect(query!.has('clinicianId')).toBe(false);
  });

  it('shows responders as "n of N (x%)" by condition, and opens the responders of one condition', async () => {
    const user = userEvent.setup();
    const fetchMock = stubReports(['manager'], {
      'GET /api/reports/outcomes/drilldown': () => jsonResponse({ metric: 'session4Responders', kind: 'outcome-plans', items: [], total: 0, page: 1, pageSize: 25 }),
    });
    renderRoutes(routes, `/reports?tab=outcomes&${RANGE}`);

    const table = await screen.findByRole('table', { name: 'Outcomes by condition' }, LOADING);
    const neck = within(table).getByRole('row', { name: /^Neck pain/ });
    expect(within(neck).getByRole('rowheader')).toHaveTextContent('Neck painNDI · lower is better');
    expect(cellsOf(neck)).toEqual(['6', '5', '2 of 5 (40%)', '−6.4', '1 of 1 (100%)', '−12']);
    // Nobody measured: no share to show, and no mean change.
    expect(cellsOf(within(table).getByRole('row', { name: /^Back pain/ }))).toEqual(['1', '1', '0 of 0', '–', '0 of 0', '–']);
    expect(screen.getByRole('figure', { name: 'Responders by condition' })).toBeInTheDocument();

    await user.click(within(neck).getByRole('button', { name: 'Responders at session 4, Neck pain (NDI): 2' }));
    const drawer = await screen.findByRole('dialog', { name: 'Responders at session 4 · Neck pain (NDI)' });
    expect(await within(drawer).findByText('No plans')).toBeInTheDocument();
    const [query] = requests(fetchMock, '/api/reports/outcomes/drilldown');
    expect(Object.fromEntries(query!)).toMatchObject({ metric: 'session4Responders', condition: 'neck_pain', measure: 'NDI' });
  });

  it('shows attendance, opens no-shows of one weekday and hour, and cancellations without a reason as `reason=`', async () => {
    const user = userEvent.setup();
    const fetchMock = stubReports(['manager'], { 'GET /api/reports/attendance/drilldown': () => jsonResponse(appointmentsPage([], 0, 'noShows')) });
    renderRoutes(routes, `/reports?tab=attendance&${RANGE}`);

    expect(await screen.findByRole('group', { name: 'Arrivals' }, LOADING)).toHaveTextContent('30 of 40 (75%)');
    expect(screen.getByRole('group', { name: 'Median wait (days)' })).toHaveTextContent('12.5 (still waiting: 20)');
    const grid = screen.getByRole('table', { name: 'No-shows by weekday and hour' });
    expect(cellsOf(within(grid).getByRole('row', { name: /^Monday/ })).filter(Boolean)).toEqual(['3', '3']);

    await user.click(within(grid).getByRole('button', { name: 'No-shows, Monday 09:00: 3' }));
    await screen.findByRole('dialog', { name: 'No-shows · Monday 09:00' });
    expect(Object.fromEntries(requests(fetchMock, '/api/reports/attendance/drilldown')[0]!)).toMatchObject({ metric: 'noShows', weekday: '1', hour: '9' });
    await user.click(screen.getByRole('button', { name: 'Close the list' }));

    const reasons = screen.getByRole('table', { name: 'Cancellations by reason' });
    await user.click(within(reasons).getByRole('button', { name: 'Cancellations, No reason given: 2' }));
    await screen.findByRole('dialog', { name: 'Cancellations · No reason given' });
    const query = requests(fetchMock, '/api/reports/attendance/drilldown').at(-1)!;
    expect(query.get('metric')).toBe('cancellations');
    expect(query.get('reason')).toBe('');
  });

  it('applies a typed range and clinics on Show, refusing a range that ends before it starts', async () => {
    const user = userEvent.setup();
    const fetchMock = stubReports();
    const { router } = renderRoutes(routes, `/reports?${RANGE}`);
    await screen.findByRole('table', { name: 'Caseload per clinician' }, LOADING);

    const filters = screen.getByRole('search', { name: 'Report range and clinics' });
    const to = within(filters).getByLabelText('To');
    await user.clear(to);
    await user.type(to, '2026-02-01');
    await user.click(within(filters).getByRole('button', { name: 'Show' }));
    expect(within(filters).getByText('Must be on or after the first day')).toBeInTheDocument();
    expect(requests(fetchMock, '/api/reports/caseload')).toHaveLength(1);

    await user.clear(to);
    await user.type(to, '2026-03-15');
    await user.click(within(filters).getByRole('textbox', { name: 'Clinics' }));
    await user.click(await screen.findByRole('option', { name: 'Riverside', hidden: true }));
    await user.click(within(filters).getByRole('button', { name: 'Show' }));

    await waitFor(() => expect(requests(fetchMock, '/api/reports/caseload')).toHaveLength(2));
    expect(requests(fetchMock, '/api/reports/caseload')[1]!.toString()).toBe('from=2026-03-01&to=2026-03-15&clinicId=6e2a1f4b-8b68-4b9f-8b3f-7b1b9d2c0f32');
    expect(router.state.location.search).toBe('?from=2026-03-01&to=2026-03-15&clinicId=6e2a1f4b-8b68-4b9f-8b3f-7b1b9d2c0f32');
  });

  it('exports the caseload as CSV, streamed, and says what it saved', async () => {
    const user = userEvent.setup();
    const csv = 'clinicianId,clinicianName,sessionsDelivered\nm,Maya,12\ns,Sam,8\n,Total,20\n';
    const fetchMock = stubReports(['manager'], {
      'GET /api/reports/caseload': ({ url }) =>
        url.includes('format=csv')
          ? new Response(csv, { headers: { 'Content-Type': 'text/csv', 'Content-Disposition': `attachment; filename="caseload-${FROM}-to-${TO}.csv"` } })
          : jsonResponse(caseloadFixture()),
    });
    const createObjectURL = vi.fn(() => 'blob:caseload');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    renderRoutes(routes, `/reports?${RANGE}`);
    await screen.findByRole('table', { name: 'Caseload per clinician' }, LOADING);

    await user.click(screen.getByRole('button', { name: 'Export CSV: caseload' }));

    expect(await screen.findByText(`Saved caseload-${FROM}-to-${TO}.csv (3 rows)`)).toBeInTheDocument();
    expect(requests(fetchMock, '/api/reports/caseload').at(-1)!.toString()).toBe(`${RANGE}&format=csv`);
    expect(createObjectURL).toHaveBeenCalledWith(expect.any(Blob));
    expect(click).toHaveBeenCalledTimes(1);
  });

  it.each<RoleName[]>([['receptionist'], ['physiotherapist'], ['admin']])('is not available to %s, who never fetches a report', async (role) => {
    const fetchMock = stubReports([role]);
    renderRoutes(routes, `/reports?${RANGE}`);

    expect(await screen.findByRole('heading', { name: 'Not available to you' }, LOADING)).toBeInTheDocument();
    expect(screen.getByText(/This screen is for these roles: Manager\./)).toBeInTheDocument();
    expect(fetchMock.mock.calls.some(([input]) => String(input).startsWith('/api/reports'))).toBe(false);
  });
});
