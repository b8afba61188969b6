import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { routes } from '../../../app/router';
import { stubApi } from '../../../test/api-stub';
import { PATIENT_ID, patientFixture, shellHandlers } from '../../../test/patient-fixtures';
import { jsonResponse, renderRoutes } from '../../../test/render';
import { CLINICIAN, VISIT_ID, muscleList, signedVisitFixture, visitFixture } from '../testing/visit-fixtures';

const path = `/api/visits/${VISIT_ID}`;

function stubPrint(visit = signedVisitFixture()) {
  return stubApi({
    ...shellHandlers(['physiotherapist']),
    [`GET ${path}`]: () => jsonResponse(visit),
    'GET /api/muscles': () => jsonResponse(muscleList),
    [`GET /api/patients/${PATIENT_ID}`]: () => jsonResponse(patientFixture()),
  });
}

describe('VisitPrintPage', { timeout: 120_000 }, () => {
  it('lays out the signed note with its signature, body map and addenda, and prints it', async () => {
    const user = userEvent.setup();
    const print = vi.fn();
    vi.stubGlobal('print', print);
    const addendum = {
      id: '1f1f1f1f-0000-4000-8000-000000000001',
      author: CLINICIAN,
      reason: 'Late entry',
      text: 'Advised heat.',
      createdAt: '2026-03-10T09:00:00Z',
    };
    stubPrint(signedVisitFixture({ addenda: [addendum] }));
    renderRoutes(routes, `/visits/${VISIT_ID}/print`);

    const note = await screen.findByRole('article', { name: 'Printable visit note' }, { timeout: 20_000 });
    expect(await within(note).findByText('Downtown')).toBeInTheDocument();
    expect(within(note).getByRole('region', { name: 'Signature' })).toHaveTextContent('Signed by Priya Physio');
    expect(within(note).getByRole('region', { name: 'Signature' })).toHaveTextContent('9f86d081884c');
    expect(within(note).getByRole('img', { name: /needled this visit: Upper trapezius \(right\)/ })).toBeInTheDocument();
    expect(within(note).getByRole('article', { name: 'Addendum 1' })).toHaveTextContent('Reason: Late entry');

    await user.click(screen.getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledOnce();
  });

  it('does not print a draft', async () => {
    stubPrint(visitFixture());
    renderRoutes(routes, `/visits/${VISIT_ID}/print`);

    expect(await screen.findByText('This note is a draft', {}, { timeout: 5_000 })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Print' })).not.toBeInTheDocument();
  });
});
