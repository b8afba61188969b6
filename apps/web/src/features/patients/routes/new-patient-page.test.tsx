import { problemType } from '@ims/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { routes } from '../../../app/router';
import { CLINIC_A, sentBodies, stubApi } from '../../../test/api-stub';
import { PATIENT_ID, patientFixture, shellHandlers, summaryOf } from '../../../test/patient-fixtures';
import { jsonResponse, renderRoutes } from '../../../test/render';

const existing = summaryOf(patientFixture());
const NEW_ID = '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a';

async function fillIdentity(user: ReturnType<typeof userEvent.setup>, dateOfBirth = '1984-03-12') {
  await user.type(await screen.findByLabelText(/^first name/i), 'Jonathon');
  await user.type(screen.getByLabelText(/^last name/i), 'Smyth');
  await user.type(screen.getByLabelText(/^date of birth/i), dateOfBirth);
}

const headersOf = (fetchMock: ReturnType<typeof stubApi>, key: string) =>
  fetchMock.mock.calls
    .filter(([url, init]) => `${init?.method} ${String(url)}` === key)
    .map(([, init]) => new Headers(init?.headers));

describe('NewPatientPage', { timeout: 120_000 }, () => {
  it('shows the contract’s field messages (future date of birth, impossible phone) and sends nothing', async () => {
    const user = userEvent.setup();
    const fetchMock = stubApi({ ...shellHandlers(['receptionist']) });
    renderRoutes(routes, '/patients/new');

    await fillIdentity(user, '2999-01-01');
    await user.type(screen.getByLabelText(/^phone/i), '123');
    await user.type(screen.getByLabelText(/^email/i), 'not-an-email');
    await user.click(screen.getByRole('button', { name: 'Register patient' }));

    expect(await screen.findByText('Cannot be in the future')).toBeInTheDocument();
    expect(screen.getByText('Is not a valid phone number')).toBeInTheDocument();
    expect(screen.getByText('Is not a valid email address')).toBeInTheDocument();
    expect(screen.getByLabelText(/^date of birth/i)).toHaveAttribute('aria-invalid', 'true');
    expect(sentBodies(fetchMock, 'POST /api/patients')).toEqual([]);
  });

  it('warns about people already on file once names and date of birth are filled, with why and a link', async () => {
    const user = userEvent.setup();
    const fetchMock = stubApi({
      ...shellHandlers(['receptionist']),
      'POST /api/patients/duplicates': () =>
        jsonResponse({ candidates: [{ patient: existing, reasons: ['same_dob_similar_name', 'same_phone'] }] }),
    });
    renderRoutes(routes, '/patients/new');

    await user.type(await screen.findByLabelText(/^first name/i), 'Jonathon');
    await user.type(screen.getByLabelText(/^last name/i), 'Smyth');
    // Nothing to ask yet: the API needs both names and a date of birth.
    expect(sentBodies(fetchMock, 'POST /api/patients/duplicates')).toEqual([]);
    await user.type(screen.getByLabelText(/^date of birth/i), '1984-03-12');
    await user.type(screen.getByLabelText(/^phone/i), '604 822 2211');

    expect(await screen.findByRole('region', { name: 'Possibly already registered' })).toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'Possible duplicates' });
    expect(within(list).getByRole('link', { name: 'Open Jonathan (Jon) Smith' })).toHaveAttribute('href', `/patients/${PATIENT_ID}`);
    expect(within(list).getByText('Same date of birth, similar name')).toBeInTheDocument();
    expect(within(list).getByText('Same phone number')).toBeInTheDocument();
    await waitFor(() =>
      expect(sentBodies(fetchMock, 'POST /api/patients/duplicates').at(-1)).toEqual({
        firstName: 'Jonathon',
        lastName: 'Smyth',
        dateOfBirth: '1984-03-12',
        phone: '+16048222211',
      }),
    );
  });

  it('on a 409 lists the likely duplicates; "None of these" resends naming them, with a new idempotency key', async () => {
    const user = userEvent.setup();
    let attempts = 0;
    const fetchMock = stubApi({
      ...shellHandlers(['receptionist']),
      'POST /api/patients/duplicates': () => jsonResponse({ candidates: [{ patient: existing, reasons: ['same_dob_similar_name'] }] }),
      'POST /api/patients': () => {
        attempts += 1;
        if (attempts === 1) {
          return jsonResponse(
            {
              type: problemType('conflict'),
              title: 'Conflict',
              status: 409,
              detail: 'This patient may already be registered.',
              conflicts: [{ entity: 'patient', id: PATIENT_ID, message: 'Same date of birth and a similar name.' }],
            },
            { status: 409 },
          );
        }
        return jsonResponse(patientFixture({ id: NEW_ID, firstName: 'Jonathon', lastName: 'Smyth', preferredName: null }), { status: 201 });
      },
    });
    const { router } = renderRoutes(routes, '/patients/new');

    await fillIdentity(user);
    await user.type(screen.getByLabelText(/^phone/i), '(604) 822-2211');
    await user.click(screen.getByRole('button', { name: 'Register patient' }));

    const panel = await screen.findByRole('alert', { name: 'This person may already be registered' });
    expect(panel).toHaveTextContent('Same date of birth and a similar name.');
    expect(within(panel).getByRole('link', { name: /open/i })).toHaveAttribute('href', `/patients/${PATIENT_ID}`);
    await user.click(within(panel).getByRole('button', { name: 'None of these — register as a new patient' }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/patients/${NEW_ID}`));
    const [first, second] = sentBodies(fetchMock, 'POST /api/patients') as Record<string, unknown>[];
    expect(first).toMatchObject({ firstName: 'Jonathon', lastName: 'Smyth', dateOfBirth: '1984-03-12', phone: '+16048222211', homeClinicId: CLINIC_A.id });
    expect(first).not.toHaveProperty('acknowledgedDuplicateIds');
    expect(second).toEqual({ ...first, acknowledgedDuplicateIds: [PATIENT_ID] });
    const [firstKey, secondKey] = headersOf(fetchMock, 'POST /api/patients').map((headers) => headers.get('Idempotency-Key'));
    expect(firstKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(secondKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(secondKey).not.toBe(firstKey);
  });
});
