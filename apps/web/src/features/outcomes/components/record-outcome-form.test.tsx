import { problemType, type PlanOutcomes } from '@ims/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { sentBodies, stubApi } from '../../../test/api-stub';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { PLAN_ID } from '../../plans/testing/plan-fixtures';
import type { OutcomeFormPreset } from '../outcome-form';
import { baselineOnlyOutcomes, definitionsResponse, ndiOutcomes, recordFixture } from '../testing/outcome-fixtures';
import { RecordOutcomeForm } from './record-outcome-form';

const NDI_ITEMS = ['Pain intensity', 'Personal care', 'Lifting', 'Reading', 'Headaches', 'Concentration', 'Work', 'Driving', 'Sleeping', 'Recreation'];

function renderForm(outcomes: PlanOutcomes, options: { preset?: OutcomeFormPreset; post?: Parameters<typeof stubApi>[0][string] } = {}) {
  const user = userEvent.setup();
  const fetchMock = stubApi({
    'POST /api/outcomes': options.post ?? (() => jsonResponse(recordFixture({ measure: 'NDI', timepoint: 'session', score: 20 }), { status: 201 })),
  });
  const onRecorded = vi.fn();
  renderWithProviders(
    <RecordOutcomeForm outcomes={outcomes} definitions={definitionsResponse.items} preset={options.preset} onRecorded={onRecorded} onCancel={() => {}} />,
  );
  const form = screen.getByRole('form', { name: 'Record outcome' });
  return { user, fetchMock, form, onRecorded };
}

async function chooseMeasure(user: ReturnType<typeof userEvent.setup>, form: HTMLElement, option: string) {
  await user.click(within(form).getByRole('textbox', { name: /^Measure/ }));
  // Mantine's combobox dropdowns stay display:none in jsdom (no layout), so their options are found with `hidden`.
  await user.click(await screen.findByRole('option', { name: option, hidden: true }));
}

const ndiItems = (form: HTMLElement) => within(within(form).getByRole('region', { name: 'NDI answers' })).getAllByRole('radiogroup');

async function answerAllNdi(user: ReturnType<typeof userEvent.setup>, form: HTMLElement, value: string) {
  for (const group of ndiItems(form)) await user.click(within(group).getByRole('radio', { name: value }));
}

const preview = (form: HTMLElement) => within(form).getByRole('status', { name: 'Score preview' });

describe('RecordOutcomeForm', { timeout: 120_000 }, () => {
  it('renders NDI’s 10 items, previews the score and its change live, and records it at the plan’s latest session', async () => {
    const { user, fetchMock, form, onRecorded } = renderForm(ndiOutcomes());

    expect(within(form).getByRole('textbox', { name: /^Measure/ })).toHaveValue('NDI: Neck Disability Index');
    expect(ndiItems(form).map((group) => group.getAttribute('aria-labelledby') && document.getElementById(group.getAttribute('aria-labelledby')!)?.textContent)).toEqual(
      NDI_ITEMS.map((label, index) => `${index + 1}. ${label}`),
    );
    // The plan has its baseline NDI already: the next one is a session reassessment, at the latest signed session.
    expect(within(form).getByRole('radio', { name: 'Baseline' })).toBeDisabled();
    expect(within(form).getByRole('radio', { name: 'Session' })).toBeChecked();
    expect(within(form).getByRole('textbox', { name: /^Session number/ })).toHaveValue('4');
    expect(preview(form)).toHaveTextContent('Not scoreable: NDI needs at least 8 of 10 items answered; 0 were');

    await answerAllNdi(user, form, '2');
    expect(preview(form)).toHaveTextContent('Score 20 points');
    expect(preview(form)).toHaveTextContent('Change from baseline −10 points (−33.3%)');
    expect(preview(form)).toHaveTextContent('MCID reached');

    // Two items left unanswered are allowed: NDI prorates the sum over the 8 answered.
    await user.click(within(within(form).getByRole('radiogroup', { name: '9. Sleeping' })).getByRole('radio', { name: 'Not answered' }));
    await user.click(within(within(form).getByRole('radiogroup', { name: '10. Recreation' })).getByRole('radio', { name: 'Not answered' }));
    expect(preview(form)).toHaveTextContent('Score 20 points');

    await user.click(within(form).getByRole('button', { name: 'Record outcome' }));
    await waitFor(() => expect(onRecorded).toHaveBeenCalled());
    const [body] = sentBodies(fetchMock, 'POST /api/outcomes') as Record<string, unknown>[];
    expect(body).toMatchObject({ planId: PLAN_ID, measure: 'NDI', timepoint: 'session', sessionNumber: 4, answers: [2, 2, 2, 2, 2, 2, 2, 2, null, null] });
    expect(Date.parse(String(body!.takenAt))).not.toBeNaN();
    const [, init] = fetchMock.mock.calls.find(([url]) => String(url) === '/api/outcomes')!;
    expect((init?.headers as Record<string, string>)['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses an answer out of its item’s range, marks the item and sends nothing', async () => {
    const { user, fetchMock, form } = renderForm(ndiOutcomes());

    await chooseMeasure(user, form, 'NPRS: Numeric Pain Rating Scale');
    const pain = within(form).getByRole('textbox', { name: '1. Pain intensity' });
    await user.type(pain, '12');
    expect(preview(form)).toHaveTextContent('Not scoreable: Item 1 (Pain intensity) must be 0 to 10');

    await user.click(within(form).getByRole('button', { name: 'Record outcome' }));
    expect(await within(form).findByText('Item 1 (Pain intensity) must be 0 to 10')).toBeInTheDocument();
    expect(pain).toHaveAttribute('aria-invalid', 'true');
    expect(sentBodies(fetchMock, 'POST /api/outcomes')).toEqual([]);

    // Corrected, the mark goes and the score appears.
    await user.clear(pain);
    await user.type(pain, '6');
    await waitFor(() => expect(pain).not.toHaveAttribute('aria-invalid', 'true'));
    expect(preview(form)).toHaveTextContent('Score 6 points');
  });

  it('puts the API’s error at answers.3 on item 4', async () => {
    const { user, fetchMock, form } = renderForm(ndiOutcomes(), {
      post: () =>
        jsonResponse(
          {
            type: problemType('validation'),
            title: 'Bad Request',
            status: 400,
            detail: 'answers.3: Item 4 (Reading) must be 0 to 5',
            errors: [{ path: 'answers.3', message: 'Item 4 (Reading) must be 0 to 5' }],
          },
          { status: 400 },
        ),
    });

    await answerAllNdi(user, form, '3');
    await user.click(within(form).getByRole('button', { name: 'Record outcome' }));

    const reading = within(form).getByRole('radiogroup', { name: '4. Reading' });
    await waitFor(() => expect(reading).toHaveAccessibleDescription('Item 4 (Reading) must be 0 to 5'));
    expect(within(form).getByRole('radiogroup', { name: '3. Lifting' })).not.toHaveAccessibleDescription(/must be/);
    expect(within(form).queryByText('Outcome not recorded')).not.toBeInTheDocument();
    expect(sentBodies(fetchMock, 'POST /api/outcomes')).toHaveLength(1);
  });

  it('keeps the PSFS activities of the baseline, locked, and asks only for their ratings', async () => {
    const activities = ['Reaching overhead', 'Driving', 'Lifting a child'];
    const outcomes = baselineOnlyOutcomes('PSFS', { score: 3, answers: activities.map((activity) => ({ activity, value: 3 })) });
    const { user, fetchMock, form, onRecorded } = renderForm(outcomes);

    expect(within(form).getByRole('textbox', { name: /^Measure/ })).toHaveValue('PSFS: Patient-Specific Functional Scale');
    for (const [index, activity] of activities.entries()) {
      const name = within(form).getByRole('textbox', { name: `Activity ${index + 1}` });
      expect(name).toHaveValue(activity);
      expect(name).toHaveAttribute('readonly');
    }
    expect(within(form).queryByRole('textbox', { name: 'Activity 4' })).not.toBeInTheDocument();
    expect(within(form).queryByRole('button', { name: 'Add activity' })).not.toBeInTheDocument();

    await user.type(within(form).getByRole('textbox', { name: 'Activity 1 rating' }), '5');
    await user.type(within(form).getByRole('textbox', { name: 'Activity 2 rating' }), '6');
    expect(preview(form)).toHaveTextContent('Not scoreable: PSFS needs all 3 listed activities answered; 2 were');
    await user.type(within(form).getByRole('textbox', { name: 'Activity 3 rating' }), '7');
    expect(preview(form)).toHaveTextContent('Score 6 points');
    expect(preview(form)).toHaveTextContent('Change from baseline +3 points (+100%)');

    await user.click(within(form).getByRole('button', { name: 'Record outcome' }));
    await waitFor(() => expect(onRecorded).toHaveBeenCalled());
    expect(sentBodies(fetchMock, 'POST /api/outcomes')[0]).toMatchObject({
      measure: 'PSFS',
      answers: [
        { activity: 'Reaching overhead', value: 5 },
        { activity: 'Driving', value: 6 },
        { activity: 'Lifting a child', value: 7 },
      ],
    });
  });

  it('offers no baseline for GROC, whose rating is itself the change', async () => {
    const { user, form } = renderForm(ndiOutcomes({ measures: [], signedSessions: 0 }));

    // A plan without its baseline NDI opens on the baseline.
    expect(within(form).getByRole('radio', { name: 'Baseline' })).toBeChecked();
    await chooseMeasure(user, form, 'GROC: Global Rating of Change');
    expect(within(form).getByRole('radio', { name: 'Baseline' })).toBeDisabled();
    expect(within(form).getByRole('radio', { name: 'Session' })).toBeChecked();
    expect(within(form).getByRole('radiogroup', { name: /^Time point/ })).toHaveAccessibleDescription(
      'GROC has no baseline: it rates the change since treatment began',
    );

    await user.type(within(form).getByRole('textbox', { name: '1. Overall change since treatment began' }), '4');
    expect(preview(form)).toHaveTextContent('Rated +4 points');
    expect(preview(form)).toHaveTextContent('MCID reached');
  });

  it('opens on the due outcome it was asked for', () => {
    const { form } = renderForm(ndiOutcomes({ signedSessions: 3 }), { preset: { measure: 'NDI', timepoint: 'session', sessionNumber: 4 } });
    expect(within(form).getByRole('radio', { name: 'Session' })).toBeChecked();
    expect(within(form).getByRole('textbox', { name: /^Session number/ })).toHaveValue('4');
  });
});
