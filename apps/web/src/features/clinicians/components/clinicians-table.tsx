import type { Clinician } from '@ims/contracts';
import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useClinicNames } from '../../clinics/api';
import { ImsStatusBadge } from './ims-status-badge';

export function CliniciansTable({ clinicians }: { clinicians: Clinician[] }) {
  const clinicName = useClinicNames();
  if (clinicians.length === 0) return <Text c="dimmed">No clinicians here yet.</Text>;
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-label="Clinicians">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Registration</Table.Th>
            <Table.Th scope="col">Clinics</Table.Th>
            <Table.Th scope="col">Needling authorisation</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {clinicians.map((clinician) => (
            <Table.Tr key={clinician.id}>
              <Table.Td>
                <Anchor component={Link} to={`/admin/clinicians/${clinician.id}`} fw={600}>
                  {clinician.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{clinician.registrationNumber ?? <Text span c="dimmed" size="sm">None recorded</Text>}</Table.Td>
              <Table.Td>
                <Text size="sm">{clinician.clinicIds.map(clinicName).join(', ')}</Text>
              </Table.Td>
              <Table.Td>
                <ImsStatusBadge clinician={clinician} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
