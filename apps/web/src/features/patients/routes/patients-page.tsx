import { Button, Checkbox, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { ListPagination } from '../../../components/ui/list-pagination';
import { PageHeader } from '../../../components/ui/page-header';
import { useSessionUser } from '../../auth/use-session-user';
import { patientSearchQueryOptions } from '../api';
import { optionId, PatientSearchResults, SEARCH_RESULTS_ID } from '../components/patient-search-results';
import { can } from '../patient-roles';
import { PATIENT_SEARCH_INPUT_ID } from '../use-search-shortcut';

const PAGE_SIZE = 20;
const DEBOUNCE_MS = 150;

/**
 * `/patients`: the front desk's search. Type a name (typos are fine), phone digits, a date of birth
 * (YYYY-MM-DD) or a health number; arrows move through the matches, Enter opens one, Escape starts over.
 */
export function PatientsPage() {
  const user = useSessionUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(() => params.get('q') ?? '');
  const [q] = useDebouncedValue(text.trim(), DEBOUNCE_MS);
  const [page, setPage] = useState(1);
  const [includeArchived, setIncludeArchived] = useState(false);
  const [activeIndex, setActiveIndex] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  // Enter pressed before the matches for the latest keystrokes arrived: open the best match once they do.
  const openWhenReady = useRef(false);

  const search = useQuery({
    ...patientSearchQueryOptions({ q, page, pageSize: PAGE_SIZE, includeArchived: includeArchived || undefined }),
    enabled: q !== '',
  });
  const items = q === '' ? [] : (search.data?.items ?? []);
  const current = q === text.trim() && !search.isPlaceholderData && search.isSuccess;
  const open = (id: string) => void navigate(`/patients/${id}`);

  useEffect(() => inputRef.current?.focus(), []);
  useEffect(() => setPage(1), [q, includeArchived]);
  useEffect(() => setActiveIndex(0), [search.data]);
  // The query in the URL: back from a patient returns to the same matches. Keyed on `q` alone on purpose.
  useEffect(() => {
    setParams(q ? { q } : {}, { replace: true });
  }, [q]);
  useEffect(() => {
    if (!current || !openWhenReady.current) return;
    openWhenReady.current = false;
    if (items[0]) open(items[0].id);
  }, [current, items]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActiveIndex((index) => Math.min(Math.max(index + step, 0), Math.max(items.length - 1, 0)));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const chosen = items[activeIndex];
      if (current && chosen) open(chosen.id);
      else if (text.trim()) openWhenReady.current = true;
    } else if (event.key === 'Escape' && text) {
      event.preventDefault();
      openWhenReady.current = false;
      setText('');
    }
  };

  const active = items[activeIndex];
  return (
    <>
      <Group justify="space-between" align="flex-start">
        <PageHeader
          title="Patients"
          description="Find by name, phone, date of birth (YYYY-MM-DD) or health number. Press / anywhere to come back here."
        />
        <Group gap="sm">
          {can(user.roles, 'import') ? (
            <Button component={Link} to="/patients/import" variant="default">
              Import patients
            </Button>
          ) : null}
          {can(user.roles, 'register') ? (
            <Button component={Link} to="/patients/new">
              Register new patient
            </Button>
          ) : null}
        </Group>
      </Group>
      <Paper p="md">
        <Stack gap="md">
          <Group gap="md" align="flex-end" role="search" aria-label="Patients">
            <TextInput
              ref={inputRef}
              id={PATIENT_SEARCH_INPUT_ID}
              label="Find a patient"
              description="↑ ↓ to move, Enter to open, Esc to clear"
              placeholder="e.g. smtih, 604 555, 1984-03-12"
              type="search"
              autoComplete="off"
              spellCheck={false}
              value={text}
              onChange={(event) => {
                openWhenReady.current = false;
                setText(event.currentTarget.value);
              }}
              onKeyDown={onKeyDown}
              role="combobox"
              aria-autocomplete="list"
              aria-controls={SEARCH_RESULTS_ID}
              aria-expanded={items.length > 0}
              aria-activedescendant={active ? optionId(active.id) : undefined}
              style={{ flex: 1 }}
              maw={560}
            />
            {can(user.roles, 'recordKeeping') ? (
              <Checkbox
                label="Include archived"
                checked={includeArchived}
                onChange={(event) => setIncludeArchived(event.currentTarget.checked)}
                mb={8}
              />
            ) : null}
          </Group>
          <Text size="sm" c="dimmed" role="status" aria-live="polite">
            {q === ''
              ? 'Start typing to search.'
              : search.isFetching && !search.data
                ? 'Searching…'
                : search.data?.total === 0
                  ? `No patient matches “${q}”.`
                  : ''}
          </Text>
          {search.isError ? (
            <ErrorPanel title="Could not search" error={search.error} onRetry={() => void search.refetch()} />
          ) : null}
          <PatientSearchResults
            patients={items}
            activeIndex={activeIndex}
            onHighlight={setActiveIndex}
            onOpen={(patient) => open(patient.id)}
          />
          {q !== '' && search.data && search.data.total > 0 ? (
            <ListPagination page={page} pageSize={PAGE_SIZE} total={search.data.total} noun="patients" onChange={setPage} />
          ) : null}
        </Stack>
      </Paper>
    </>
  );
}
