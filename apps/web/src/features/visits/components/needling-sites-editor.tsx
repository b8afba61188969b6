import type { VisitNote } from '@ims/contracts';
import { Alert, Button, Group, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useFieldArray, useFormContext } from 'react-hook-form';
import { isBlankRow, newSiteRow, type SiteRow } from '../site-rows';
import type { MuscleCatalogue } from '../use-muscle-catalogue';
import type { DraftValues } from '../visit-draft';
import { PreviousVisitButton } from './previous-visit-button';
import { SiteRowFields } from './site-row';

const HEADERS = ['Muscle', 'Side', 'Level', 'Gauge (mm)', 'Length (mm)', 'Depth (cm)', 'Technique', 'Twitch', 'Tolerance'];

interface NeedlingSitesEditorProps {
  visit: VisitNote;
  catalogue: MuscleCatalogue;
  thoraxConsented: boolean | undefined;
}

/** The sites table: one row per site, built for the keyboard (Tab through a row, Enter for the next one). */
export function NeedlingSitesEditor({ visit, catalogue, thoraxConsented }: NeedlingSitesEditorProps) {
  const { control, getValues } = useFormContext<DraftValues>();
  const { fields, insert, append, remove, replace } = useFieldArray({ control, name: 'sites' });

  const addAfter = (index: number) => {
    const above = getValues(`sites.${index}`);
    insert(index + 1, newSiteRow(above), { shouldFocus: true, focusName: `sites.${index + 1}.muscleId` });
  };
  const addAtEnd = () => {
    const rows = getValues('sites');
    append(newSiteRow(rows.at(-1)), { shouldFocus: true, focusName: `sites.${rows.length}.muscleId` });
  };
  // Copied sites replace the empty rows waiting to be filled, and follow any already charted.
  const copyIn = (copied: SiteRow[]) => replace([...getValues('sites').filter((row) => !isBlankRow(row)), ...copied]);

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          Tab moves through a row; Enter adds the next site.
        </Text>
        <PreviousVisitButton visit={visit} onCopy={copyIn} />
      </Group>
      {catalogue.muscles.length === 0 ? (
        <Alert color="yellow" variant="light" title="No muscle catalogue">
          The muscle catalogue is empty, so sites cannot be charted yet.
        </Alert>
      ) : null}
      <ScrollArea type="auto">
        <Table aria-label="Needling sites" verticalSpacing={6} horizontalSpacing={6} miw={980}>
          <Table.Thead>
            <Table.Tr>
              {HEADERS.map((header) => (
                <Table.Th key={header} fz="xs">
                  {header}
                </Table.Th>
              ))}
              <Table.Th aria-label="Remove" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fields.map((field, index) => (
              <SiteRowFields
                key={field.id}
                index={index}
                catalogue={catalogue}
                thoraxConsented={thoraxConsented}
                onRemove={() => remove(index)}
                onEnter={() => addAfter(index)}
              />
            ))}
            {fields.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={10}>
                  <Text size="sm" c="dimmed">
                    No sites yet.
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : null}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      <Group>
        <Button variant="light" onClick={addAtEnd}>
          Add site
        </Button>
      </Group>
    </Stack>
  );
}
