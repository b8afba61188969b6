import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { routes } from '../../../app/router';
import { CLINIC_A, sentBodies, stubApi } from '../../../test/api-stub';
import { shellHandlers } from '../../../test/patient-fixtures';
import { jsonResponse, renderRoutes } from '../../../test/render';

const IMPORT_ID = '4c4c4c4c-4c4c-4c4c-8c4c-4c4c4c4c4c4c';
const csv = 'First Name,Surname,DOB,Mobile,Shoe size\nAna,Lee,1990-01-02,604 822 2211,7\nBo,,2999-01-01,,9\n';
const progress = (over: Record<string, unknown> = {}) => ({
  importId: IMPORT_ID,
  clinicId: CLINIC_A.id,
  fileName: 'old-system.csv',
  status: 'validated',
  totalRows: 2,
  validRows: 1,
  invalidRows: 1,
  duplicateRows: 0,
  processedRows: 0,
  rowsToInsert: null,
  insertedRows: null,
  failureReason: null,
  createdAt: '2026-03-08T10:00:00Z',
  committedAt: null,
  ...over,
});

describe('PatientImportPage', { timeout: 120_000 }, () => {
  it('reads the file, maps columns from their names, shows the dry run problems and commits with progress', async () => {
    const user = userEvent.setup();
    let committed: ReturnType<typeof progress> | null = null;
    let finishCommit = () => {};
    const commitMayFinish = new Promise<void>((resolve) => (finishCommit = resolve));
    const fetchMock = stubApi({
      ...shellHandlers(['receptionist']),
      'POST /api/patient-imports': () =>
        jsonResponse(
          {
            ...progress(),
            errorRows: [
              { line: 3, field: 'lastName', column: 'Surname', message: 'is required' },
              { line: 3, field: 'dateOfBirth', column: 'DOB', message: 'cannot be in the future' },
            ],
            duplicates: [],
            truncated: false,
          },
          { status: 201 },
        ),
      [`GET /api/patient-imports/${IMPORT_ID}`]: () => jsonResponse(committed ?? progress({ status: 'committing', rowsToInsert: 1 })),
      // The commit answers only at the end; meanwhile the page polls the progress route.
      [`POST /api/patient-imports/${IMPORT_ID}/commit`]: async () => {
        await commitMayFinish;
        committed = progress({ status: 'committed', rowsToInsert: 1, processedRows: 1, insertedRows: 1, committedAt: '2026-03-08T10:00:05Z' });
        return jsonResponse(committed);
      },
    });
    const { container } = renderRoutes(routes, '/patients/import');

    await screen.findByRole('heading', { name: 'Import patients' });
    await user.upload(container.querySelector('input[type="file"]')!, new File([csv], 'old-system.csv', { type: 'text/csv' }));

    const mapping = await screen.findByRole('table', { name: 'Column mapping' });
    expect(within(mapping).getByRole('textbox', { name: 'Column for First name' })).toHaveValue('First Name');
    expect(within(mapping).getByRole('textbox', { name: 'Column for Last name' })).toHaveValue('Surname');
    expect(within(mapping).getByRole('textbox', { name: 'Column for Date of birth' })).toHaveValue('DOB');
    expect(within(mapping).getByRole('textbox', { name: 'Column for Phone' })).toHaveValue('Mobile');
    await user.click(screen.getByRole('button', { name: 'Dry run' }));

    const problems = await screen.findByRole('table', { name: 'Row problems' });
    expect(within(problems).getAllByRole('row')).toHaveLength(3);
    expect(within(problems).getByText('cannot be in the future')).toBeInTheDocument();
    expect(sentBodies(fetchMock, 'POST /api/patient-imports')).toEqual([
      {
        clinicId: CLINIC_A.id,
        fileName: 'old-system.csv',
        csv,
        mapping: { firstName: 'First Name', lastName: 'Surname', dateOfBirth: 'DOB', phone: 'Mobile' },
        dateFormat: 'YYYY-MM-DD',
      },
    ]);

    // Rows with problems block the import until the user agrees to leave them out.
    const importButton = screen.getByRole('button', { name: 'Import 1 patients' });
    expect(importButton).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: /leave out the 1 rows with problems/i }));
    await user.click(importButton);

    expect(await screen.findByRole('progressbar', { name: /importing… 0 of 1 rows/i })).toBeInTheDocument();
    expect(fetchMock.mock.calls.some(([url]) => String(url) === `/api/patient-imports/${IMPORT_ID}`)).toBe(true);
    finishCommit();

    expect(await screen.findByText(/1 patients imported from old-system\.csv; 1 rows with problems left out/)).toBeInTheDocument();
    await waitFor(() =>
      expect(sentBodies(fetchMock, `POST /api/patient-imports/${IMPORT_ID}/commit`)).toEqual([{ skipDuplicates: true, skipInvalidRows: true }]),
    );
  });
});
