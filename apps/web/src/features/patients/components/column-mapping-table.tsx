import { PATIENT_IMPORT_FIELDS, type PatientImportField } from '@ims/contracts';
import { Select, Table, Text } from '@mantine/core';
import type { ColumnMapping } from '../import-column-mapping';

export const REQUIRED_IMPORT_FIELDS: readonly PatientImportField[] = ['firstName', 'lastName', 'dateOfBirth'];

export const IMPORT_FIELD_LABELS: Record<PatientImportField, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  middleName: 'Middle name',
  preferredName: 'Preferred name',
  dateOfBirth: 'Date of birth',
  sex: 'Sex',
  genderIdentity: 'Gender identity',
  pronouns: 'Pronouns',
  phone: 'Phone',
  phoneAlt: 'Other phone',
  email: 'Email',
  addressLine1: 'Street address',
  addressLine2: 'Address line 2',
  city: 'City',
  region: 'Province or state',
  postalCode: 'Postal code',
  country: 'Country',
  healthNumber: 'Health number',
  healthNumberIssuer: 'Health number issued by',
  emergencyContactName: 'Emergency contact name',
  emergencyContactRelationship: 'Emergency contact relationship',
  emergencyContactPhone: 'Emergency contact phone',
  referrerName: 'Referred by',
  referralSource: 'Referral source',
  preferredContact: 'Preferred contact',
  reminderConsentEmail: 'Email reminders OK',
  reminderConsentSms: 'SMS reminders OK',
  frontDeskNotes: 'Front-desk notes',
};

interface ColumnMappingTableProps {
  headers: string[];
  /** The first data row, so the user sees what a column holds. */
  sample: string[];
  mapping: ColumnMapping;
  onChange: (mapping: ColumnMapping) => void;
}

/** One row per patient field: which column of the file fills it, with the first row's value as a check. */
export function ColumnMappingTable({ headers, sample, mapping, onChange }: ColumnMappingTableProps) {
  const options = headers.map((header) => ({ value: header, label: header }));
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing={6} aria-label="Column mapping">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Patient field</Table.Th>
            <Table.Th scope="col">Column in the file</Table.Th>
            <Table.Th scope="col">First row</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {PATIENT_IMPORT_FIELDS.map((field) => {
            const header = mapping[field];
            const required = REQUIRED_IMPORT_FIELDS.includes(field);
            const value = header === undefined ? undefined : sample[headers.indexOf(header)];
            return (
              <Table.Tr key={field}>
                <Table.Td>
                  {IMPORT_FIELD_LABELS[field]}
                  {required ? ' *' : ''}
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={`Column for ${IMPORT_FIELD_LABELS[field]}`}
                    placeholder={required ? 'Choose a column' : 'Not imported'}
                    data={options}
                    value={header ?? null}
                    onChange={(next) => onChange({ ...mapping, [field]: next ?? undefined })}
                    clearable={!required}
                    error={required && !header ? 'Required' : undefined}
                    size="xs"
                  />
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed" lineClamp={1}>
                    {value ?? ''}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
