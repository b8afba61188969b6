import { problemType, type RoleName, type SaveVisitRequest, type VisitNote } from '@ims/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { routes } from '../../../app/router';
import { sentBodies, stubApi } from '../../../test/api-stub';
import { PATIENT_ID, patientFixture, shellHandlers } from '../../../test/patient-fixtures';
import { jsonResponse, renderRoutes } from '../../../test/render';
import { CLINICIAN, MUSCLES, VISIT_ID, muscleList, signedVisitFixture, siteFixture, summaryFixture, visitFixture } from '../testing/visit-fixtures';

const path = `/api/visits/${VISIT_ID}`;
const patientPath = `/api/patients/${PATIENT_ID}`;
const emptyList = { items: [], total: 0 };

function stubVisit(visit: VisitNote, over: Parameters<typeof stubApi>[0] = {}, roles: RoleName[] = ['physiotherapist']) {
  return stubApi({
    ...shellHandlers(roles),
    [`GET ${path}`]: () => jsonResponse(visit),
    'GET /api/muscles': () => jsonResponse(muscleList),
    'GET /api/visits': () => jsonResponse(emptyList),
    'GET /api/plans': () => jsonResponse(emptyList),
    [`GET ${patientPath}`]: () => jsonResponse(patientFixture()),
    [`GET ${patientPath}/screening`]: () => jsonResponse({ current: null, history: [] }),
    [`GET ${patientPath}/consents`]: () => jsonResponse({ items: [], inForce: null }),
    ...over,
  });
}

/** The PUT answer: the draft as sent, at the next version. */
const saved = (body: unknown, version: number) => {
  const { version: _sent, ...fields } = body as SaveVisitRequest;
  return jsonResponse(visitFixture({ ...(fields as Partial<VisitNote>), sites: [], adverseEvents: [], version }));
};

const AUTOSAVE_WAIT = { timeout: 20_000 };
/** The charting form is large: on a busy machine its first render takes more than the default second. */
const LOAD = { timeout: 20_000 };

describe('VisitPage', { timeout: 120_000 }, () => {
  it('autosaves after a pause with the version it holds, then the version each save answered', async () => {
    const user = userEvent.setup();
    let version = 1;
    const fetchMock = stubVisit(visitFixture(), {
      [`PUT ${path}`]: ({ body }) => saved(body, ++version),
    });
    renderRoutes(routes, `/visits/${VISIT_ID}`);

    await user.type(await screen.findByLabelText('Subjective', {}, LOAD), 'Neck stiff on waking');
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText(/^Saved \d/)).toBeInTheDocument(), AUTOSAVE_WAIT);
    // A pause, not every keystroke: one save for the whole sentence.
    expect(sentBodies(fetchMock, `PUT ${path}`)).toEqual([expect.objectContaining({ version: 1, subjective: 'Neck stiff on waking' })]);

    await user.type(screen.getByLabelText('Assessment'), 'Taut bands');
    await waitFor(() => expect(sentBodies(fetchMock, `PUT ${path}`)).toHaveLength(2), AUTOSAVE_WAIT);
    expect(sentBodies(fetchMock, `PUT ${path}`)[1]).toMatchObject({ version: 2, subjective: 'Neck stiff on waking', assessment: 'Taut bands' });
  });

  it('on a 409 says someone else changed the note, stops saving and keeps the text on screen and after the reload', async () => {
    const user = userEvent.setup();
    let serverVersion = 1;
    const fetchMock = stubVisit(visitFixture(), {
      [`GET ${path}`]: () => jsonResponse(visitFixture({ version: serverVersion, subjective: serverVersion > 1 ? 'Their text' : '' })),
      [`PUT ${path}`]: () => {
        serverVersion = 2;
        return jsonResponse({ type: problemType('stale-version'), title: 'Conflict', status: 409, detail: 'The note was changed by someone else.' }, { status: 409 });
      },
    });
    renderRoutes(routes, `/visits/${VISIT_ID}`);

    const subjective = await screen.findByLabelText('Subjective', {}, LOAD);
    await user.type(subjective, 'My long history');
    expect(await screen.findByText('Someone else changed this note — reload', {}, AUTOSAVE_WAIT)).toBeInTheDocument();
    expect(subjective).toHaveValue('My long history');
    expect(screen.getByRole('button', { name: 'Copy my text' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign…' })).toBeDisabled();

    // Nothing more is sent from a screen that lost the race, however long the clinician keeps typing.
    await user.type(subjective, ' and more');
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(sentBodies(fetchMock, `PUT ${path}`)).toHaveLength(1);
    expect(sentBodies(fetchMock, `PUT ${path}`)[0]).toMatchObject({ version: 1 });

    await user.click(screen.getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(screen.getByLabelText('Subjective')).toHaveValue('Their text'));
    expect((screen.getByLabelText('Your unsaved text') as HTMLTextAreaElement).value).toContain('Subjective:\nMy long history and more');
  });

  it('saves first, then signs that version, and lists every rule a refused note fails', async () => {
    const user = userEvent.setup();
    const fetchMock = stubVisit(visitFixture({ version: 3 }), {
      [`PUT ${path}`]: ({ body }) => saved(body, 4),
      [`POST ${path}/sign`]: () =>
        jsonResponse(
          {
            type: problemType('sign-rules'),
            title: 'The note cannot be signed',
            status: 422,
            violations: [
              { rule: 'needle-count', message: 'Opened 4 needles but removed 3 and retained 0.' },
              { rule: 'consent', message: 'No IMS consent is in force on 2026-03-09.' },
              { rule: 'required-fields', message: 'Pain after is missing.' },
            ],
          },
          { status: 422 },
        ),
    });
    renderRoutes(routes, `/visits/${VISIT_ID}`);

    await user.type(await screen.findByLabelText('Assessment', {}, LOAD), 'Better');
    await user.click(screen.getByRole('button', { name: 'Sign…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Sign this note' });
    await user.click(within(dialog).getByRole('button', { name: 'Sign note' }));

    const refusal = await within(dialog).findByRole('alert');
    expect(within(refusal).getAllByRole('heading').map((heading) => heading.textContent)).toEqual(['Needle count', 'IMS consent', 'Required fields']);
    expect(refusal).toHaveTextContent('Opened 4 needles but removed 3 and retained 0.');
    expect(refusal).toHaveTextContent('No IMS consent is in force on 2026-03-09.');
    // The typing was saved without waiting for the pause, and the version that save answered was signed.
    expect(sentBodies(fetchMock, `PUT ${path}`)).toEqual([expect.objectContaining({ version: 3, assessment: 'Better' })]);
    expect(sentBodies(fetchMock, `POST ${path}/sign`)).toEqual([{ version: 4 }]);
  });

  it('shows the signed note once signing succeeds', async () => {
    const user = userEvent.setup();
    stubVisit(visitFixture({ version: 2 }), { [`POST ${path}/sign`]: () => jsonResponse(signedVisitFixture({ version: 3 })) });
    renderRoutes(routes, `/visits/${VISIT_ID}`);

    await user.click(await screen.findByRole('button', { name: 'Sign…' }, LOAD));
    await user.click(within(await screen.findByRole('dialog', { name: 'Sign this note' })).getByRole('button', { name: 'Sign note' }));

    expect(await screen.findByRole('note', { name: 'Signed note' }, LOAD)).toHaveTextContent('Signed by Priya Physio');
    expect(screen.queryByRole('textbox', { name: 'Subjective' })).not.toBeInTheDocument();
  });

  it('charts a site from the keyboard: depth deeper than the needle is an error and never sent; Enter adds the next row', async () => {
    const user = userEvent.setup();
    const fetchMock = stubVisit(visitFixture(), { [`PUT ${path}`]: ({ body }) => saved(body, 2) });
    renderRoutes(routes, `/visits/${VISIT_ID}`);

    await user.click(await screen.findByRole('button', { name: 'Add site' }, LOAD));
    const muscle = screen.getByRole('textbox', { name: 'Site 1 muscle' });
    expect(muscle).toHaveFocus();
    await user.type(muscle, 'up trap');
    await user.keyboard('{Enter}');
    expect(muscle).toHaveValue('Upper trapezius');
    expect(screen.getByText(/usual 1–2\.5 cm/)).toBeInTheDocument();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Site 1 side' }), 'right');
    await user.type(screen.getByRole('textbox', { name: 'Site 1 gauge (mm)' }), '0.25');
    await user.type(screen.getByRole('textbox', { name: 'Site 1 needle length (mm)' }), '15');
    await user.type(screen.getByRole('textbox', { name: 'Site 1 depth (cm)' }), '2');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Site 1 twitch' }), 'local');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Site 1 tolerance' }), 'good');
    expect(await screen.findByText('2 cm is deeper than the 15 mm needle')).toBeInTheDocument();

    const length = screen.getByRole('textbox', { name: 'Site 1 needle length (mm)' });
    await user.clear(length);
    await user.type(length, '30');
    await user.keyboard('{Escape}');
    expect(screen.queryByText(/deeper than the/)).not.toBeInTheDocument();

    await user.click(screen.getByRole('textbox', { name: 'Site 1 depth (cm)' }));
    await user.keyboard('{Enter}');
    expect(screen.getByRole('textbox', { name: 'Site 2 muscle' })).toHaveFocus();
    expect(screen.getByRole('combobox', { name: 'Site 2 side' })).toHaveValue('right');

    await waitFor(() => expect(sentBodies(fetchMock, `PUT ${path}`).length).toBeGreaterThan(0), AUTOSAVE_WAIT);
    const sent = sentBodies(fetchMock, `PUT ${path}`) as SaveVisitRequest[];
    expect(sent.every((body) => body.sites!.every((site) => site.depthCm * 10 <= site.lengthMm))).toBe(true);
    expect(sent.at(-1)!.sites).toEqual([
      expect.objectContaining({ muscleId: MUSCLES.upperTrapezius.id, side: 'right', gauge: 0.25, lengthMm: 30, depthCm: 2, twitch: 'local', tolerance: 'good' }),
    ]);
  });

  it('asks for the reason of a depth outside the usual range and sends it as the acknowledgement', async () => {
    const user = userEvent.setup();
    const fetchMock = stubVisit(visitFixture({ sites: [] }), { [`PUT ${path}`]: ({ body }) => saved(body, 2) });
    renderRoutes(routes, `/visits/${VISIT_ID}`);

    await user.click(await screen.findByRole('button', { name: 'Add site' }, LOAD));
    await user.type(screen.getByRole('textbox', { name: 'Site 1 muscle' }), 'masseter{Enter}');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Site 1 side' }), 'left');
    await user.type(screen.getByRole('textbox', { name: 'Site 1 gauge (mm)' }), '0.20');
    await user.type(screen.getByRole('textbox', { name: 'Site 1 needle length (mm)' }), '75');
    await user.type(screen.getByRole('textbox', { name: 'Site 1 depth (cm)' }), '6');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Site 1 twitch' }), 'strong');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Site 1 tolerance' }), 'fair');

    const reason = screen.getByRole('textbox', { name: /Site 1: 6 cm is deeper than usual \(1–2 cm\)\. Why\?/ });
    expect(screen.getByText('Give the reason to sign this note')).toBeInTheDocument();
    await user.type(reason, 'Hypertrophied masseter');
    expect(screen.queryByText('Give the reason to sign this note')).not.toBeInTheDocument();

    await waitFor(
      () => expect((sentBodies(fetchMock, `PUT ${path}`).at(-1) as SaveVisitRequest | undefined)?.sites?.[0]?.depthAck).toEqual({ reason: 'Hypertrophied masseter' }),
      AUTOSAVE_WAIT,
    );
  });

  it('starts from the previous signed visit: its sites, without what was observed then', async () => {
    const user = userEvent.setup();
    const previous = signedVisitFixture({
      id: summaryFixture().id,
      visitedAt: '2026-03-02T17:00:00Z',
      sites: [siteFixture(MUSCLES.upperTrapezius), siteFixture(MUSCLES.lumbarMultifidus, { side: 'left', level: 'L4-5', lengthMm: 60, depthCm: 4.5 })],
    });
    stubVisit(visitFixture(), {
      'GET /api/visits': ({ url }) => jsonResponse(url.includes('status=signed') ? { items: [summaryFixture({ muscleCodes: ['upper_trapezius', 'lumbar_multifidus'] })], total: 1 } : emptyList),
      [`GET /api/visits/${previous.id}`]: () => jsonResponse(previous),
    });
    renderRoutes(routes, `/visits/${VISIT_ID}`);

    await user.click(await screen.findByRole('button', { name: /Start from previous visit \(2 muscles\)/ }, LOAD));

    expect(await screen.findByRole('textbox', { name: 'Site 2 muscle' })).toHaveValue('Lumbar multifidus');
    expect(screen.getByRole('textbox', { name: 'Site 1 muscle' })).toHaveValue('Upper trapezius');
    expect(screen.getByRole('textbox', { name: 'Site 2 level' })).toHaveValue('L4-5');
    expect(screen.getByRole('textbox', { name: 'Site 2 depth (cm)' })).toHaveValue('4.5');
    expect(screen.getByRole('combobox', { name: 'Site 2 side' })).toHaveValue('left');
    expect(screen.getByRole('combobox', { name: 'Site 2 twitch' })).toHaveValue('');
    expect(screen.getByRole('combobox', { name: 'Site 2 tolerance' })).toHaveValue('');
  });

  it('shows a signed note read-only with signer, short hash and addenda, and adds an addendum', async () => {
    const user = userEvent.setup();
    const addendum = {
      id: '1f1f1f1f-0000-4000-8000-000000000001',
      author: CLINICIAN,
      reason: 'Depth mistyped',
      text: 'Site 1 depth was 1.2 cm.',
      createdAt: '2026-03-10T09:00:00Z',
    };
    const fetchMock = stubVisit(signedVisitFixture(), { [`POST ${path}/addenda`]: () => jsonResponse(addendum, { status: 201 }) });
    renderRoutes(routes, `/visits/${VISIT_ID}`);

    const signature = await screen.findByRole('note', { name: 'Signed note' }, LOAD);
    expect(signature).toHaveTextContent('Signed by Priya Physio');
    expect(signature).toHaveTextContent('9f86d081884c');
    expect(screen.getByRole('table', { name: 'Needling sites' })).toHaveTextContent('Upper trapezius');
    expect(screen.getByRole('img', { name: /needled this visit: Upper trapezius \(right\)/ })).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Subjective' })).not.toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Addenda' })).getByText('No addenda.')).toBeInTheDocument();

    const form = screen.getByRole('form', { name: 'Add addendum' });
    await user.click(within(form).getByRole('button', { name: 'Add addendum' }));
    expect(await within(form).findAllByText('Is required')).toHaveLength(2);
    await user.type(within(form).getByLabelText(/^Reason/), 'Depth mistyped');
    await user.type(within(form).getByLabelText(/^Addendum/), 'Site 1 depth was 1.2 cm.');
    await user.click(within(form).getByRole('button', { name: 'Add addendum' }));

    const added = await screen.findByRole('article', { name: 'Addendum 1' });
    expect(added).toHaveTextContent('Priya Physio');
    expect(added).toHaveTextContent('Reason: Depth mistyped');
    expect(added).toHaveTextContent('Site 1 depth was 1.2 cm.');
    expect(sentBodies(fetchMock, `POST ${path}/addenda`)).toEqual([{ reason: 'Depth mistyped', text: 'Site 1 depth was 1.2 cm.' }]);
  });

  it('is not offered to a receptionist, and fetches no note', async () => {
    const fetchMock = stubVisit(visitFixture(), {}, ['receptionist']);
    renderRoutes(routes, `/visits/${VISIT_ID}`);

    expect(await screen.findByRole('heading', { name: 'Not available to you' })).toBeInTheDocument();
    expect(fetchMock.mock.calls.map(([url]) => String(url))).not.toContain(path);
  });
});
