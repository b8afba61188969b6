import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { patientFixture, summaryOf } from '../../../test/patient-fixtures';
import { renderWithProviders } from '../../../test/render';
import { PatientHeader } from './patient-header';
import { PatientSearchResults } from './patient-search-results';

/**
 * Names are stored verbatim (the API keeps `<script>` and SQL text exactly as typed: test/http/hostile-input.spec.ts);
 * the screen must show them as text. React escapes text content, so these hold as long as nothing renders a name
 * through dangerouslySetInnerHTML or builds markup by hand.
 */
const SCRIPT = '<script>alert(1)</script>';
const IMAGE = '"><img src=x onerror=alert(1)>';
const SQL = "'; DROP TABLE patient; --";
const BOBBY = "Robert'); --";

const hostile = patientFixture({ firstName: SCRIPT, preferredName: BOBBY, lastName: SQL, pronouns: IMAGE });

function expectInert(container: HTMLElement) {
  expect(container.querySelector('script')).toBeNull();
  expect(container.querySelector('img')).toBeNull();
  expect(container.querySelector('[onerror]')).toBeNull();
}

describe('hostile names are shown as text, never run', () => {
  it('in the patient header', () => {
    const { container } = renderWithProviders(<PatientHeader patient={hostile} />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(`${SCRIPT} (${BOBBY}) ${SQL}`, { normalizeWhitespace: false });
    expect(screen.getByText(IMAGE, { exact: false })).toBeInTheDocument();
    expectInert(container);
  });

  it('in the search results', () => {
    const { container } = renderWithProviders(
      <PatientSearchResults patients={[summaryOf(hostile)]} activeIndex={0} onOpen={vi.fn()} onHighlight={vi.fn()} />,
    );
    expect(within(screen.getByRole('option')).getByText(`${SCRIPT} (${BOBBY}) ${SQL}`, { exact: false })).toBeInTheDocument();
    expectInert(container);
  });
});
