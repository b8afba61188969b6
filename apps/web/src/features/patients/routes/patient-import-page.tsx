import { ImportDateFormat, MAX_IMPORT_CSV_CHARS, PatientImportMapping, type PatientImportReport } from '@ims/contracts';
import { Alert, Anchor, Breadcrumbs, Button, FileInput, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/ui/page-header';
import { errorMessage } from '../../../lib/error-message';
import { useSessionUser } from '../../auth/use-session-user';
import { clinicsQueryOptions } from '../../clinics/api';
import { ColumnMappingTable } from '../components/column-mapping-table';
import { ImportCommitSection } from '../components/import-commit-section';
import { ImportReportView } from '../components/import-report-view';
import { parseCsvPreview, readFileText } from '../csv-preview';
import { useDryRunImport } from '../import-api';
import { autoMapColumns, type ColumnMapping } from '../import-column-mapping';

interface LoadedFile {
  name: string;
  text: string;
  headers: string[];
  sample: string[];
}

const DATE_FORMAT_LABELS: Record<ImportDateFormat, string> = {
  'YYYY-MM-DD': '1984-03-12 (year-month-day)',
  'DD/MM/YYYY': '12/03/1984 (day/month/year)',
  'MM/DD/YYYY': '03/12/1984 (month/day/year)',
};

/**
 * `/patients/import` (receptionist, admin): a spreadsheet from another system, read in the browser, columns
 * mapped (guessed from the headers), a dry run reporting every row's problems and duplicates, then an
 * all-or-nothing commit with a progress bar.
 */
export function PatientImportPage() {
  const user = useSessionUser();
  const clinics = useQuery(clinicsQueryOptions());
  const dryRun = useDryRunImport();
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [clinicId, setClinicId] = useState<string | null>(user.clinicIds[0] ?? null);
  const [dateFormat, setDateFormat] = useState<ImportDateFormat>('YYYY-MM-DD');
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [report, setReport] = useState<PatientImportReport | null>(null);
  const myClinics = (clinics.data ?? []).filter((clinic) => user.clinicIds.length === 0 || user.clinicIds.includes(clinic.id));
  const validMapping = PatientImportMapping.safeParse(mapping);

  // Any change to what would be imported makes an earlier report meaningless.
  const changed = <T,>(set: (value: T) => void) => (value: T) => {
    set(value);
    setReport(null);
    dryRun.reset();
  };

  const load = async (picked: File | null) => {
    changed(setFile)(null);
    setFileError(null);
    if (!picked) return;
    let text: string;
    try {
      text = await readFileText(picked);
    } catch {
      return setFileError('The file could not be read. Is it a CSV file?');
    }
    if (text.length > MAX_IMPORT_CSV_CHARS) return setFileError('The file is larger than 10 MB. Split it and import the parts.');
    const [headers = [], sample = []] = parseCsvPreview(text, 2);
    if (headers.length === 0) return setFileError('The file is empty.');
    setFile({ name: picked.name, text, headers, sample });
    setMapping(autoMapColumns(headers));
  };

  const runDryRun = () => {
    if (!file || !clinicId || !validMapping.success) return;
    dryRun.mutate(
      { clinicId, fileName: file.name, csv: file.text, mapping: validMapping.data, dateFormat },
      { onSuccess: setReport },
    );
  };

  return (
    <>
      <Breadcrumbs mb="xs">
        <Anchor component={Link} to="/patients" size="sm">
          Patients
        </Anchor>
      </Breadcrumbs>
      <PageHeader
        title="Import patients"
        description="From another system’s CSV export. Nothing is imported until you have seen the dry run."
      />
      <Stack gap="lg">
        <Paper p="lg" component="section" aria-labelledby="import-file-title">
          <Stack gap="md">
            <Title order={2} size="h4" id="import-file-title">
              1. File and clinic
            </Title>
            <SimpleGrid cols={{ base: 1, md: 3 }}>
              <FileInput label="CSV file" required accept=".csv,text/csv" placeholder="Choose a file" clearable onChange={(picked) => void load(picked)} error={fileError} />
              <Select
                label="Home clinic of the imported patients"
                required
                data={myClinics.map((clinic) => ({ value: clinic.id, label: clinic.name }))}
                value={clinicId}
                onChange={changed(setClinicId)}
                allowDeselect={false}
              />
              <Select
                label="Dates of birth are written as"
                data={ImportDateFormat.options.map((format) => ({ value: format, label: DATE_FORMAT_LABELS[format] }))}
                value={dateFormat}
                onChange={(value) => changed(setDateFormat)((value as ImportDateFormat | null) ?? 'YYYY-MM-DD')}
                allowDeselect={false}
              />
            </SimpleGrid>
          </Stack>
        </Paper>

        {file ? (
          <Paper p="lg" component="section" aria-labelledby="import-mapping-title">
            <Stack gap="md">
              <Title order={2} size="h4" id="import-mapping-title">
                2. Columns
              </Title>
              <Text size="sm" c="dimmed">
                {file.name}: {file.headers.length} columns. Columns were matched by their names; check them and choose the
                rest.
              </Text>
              <ColumnMappingTable headers={file.headers} sample={file.sample} mapping={mapping} onChange={changed(setMapping)} />
              {dryRun.isError ? (
                <Alert color="red" variant="light" title="The dry run failed">
                  {errorMessage(dryRun.error)}
                </Alert>
              ) : null}
              <Group>
                <Button onClick={runDryRun} loading={dryRun.isPending} disabled={!validMapping.success || !clinicId}>
                  Dry run
                </Button>
                {!validMapping.success ? (
                  <Text size="sm" c="dimmed">
                    Choose the columns for first name, last name and date of birth.
                  </Text>
                ) : null}
              </Group>
            </Stack>
          </Paper>
        ) : null}

        {report ? (
          <Paper p="lg" component="section" aria-labelledby="import-report-title">
            <Stack gap="md">
              <Title order={2} size="h4" id="import-report-title">
                3. Dry run and import
              </Title>
              <ImportReportView report={report} />
              <ImportCommitSection key={report.importId} report={report} />
            </Stack>
          </Paper>
        ) : null}
      </Stack>
    </>
  );
}
