import type { VisitSite } from '@ims/contracts';
import { Badge, Table, Text } from '@mantine/core';
import { usualDepthLabel } from '../depth-check';
import { SIDE_LABELS, TECHNIQUE_LABELS, TOLERANCE_LABELS, TWITCH_LABELS } from '../visit-format';

/** The sites of a saved note, read-only; an unusual depth shows with the clinician's reason. */
export function SitesTable({ sites }: { sites: readonly VisitSite[] }) {
  if (!sites.length) return <Text size="sm" c="dimmed">No sites recorded.</Text>;
  return (
    <Table aria-label="Needling sites" verticalSpacing={4} horizontalSpacing="xs" fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>#</Table.Th>
          <Table.Th>Muscle</Table.Th>
          <Table.Th>Side</Table.Th>
          <Table.Th>Level</Table.Th>
          <Table.Th>Needle</Table.Th>
          <Table.Th>Depth</Table.Th>
          <Table.Th>Technique</Table.Th>
          <Table.Th>Twitch</Table.Th>
          <Table.Th>Tolerance</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sites.map((site, index) => (
          <Table.Tr key={`${site.muscleId}-${index}`}>
            <Table.Td>{index + 1}</Table.Td>
            <Table.Td>
              {site.muscle.name}{' '}
              {site.muscle.thoraxRisk ? (
                <Badge size="xs" color="red" variant="light">
                  Thorax risk
                </Badge>
              ) : null}
            </Table.Td>
            <Table.Td>{SIDE_LABELS[site.side]}</Table.Td>
            <Table.Td>{site.level ?? '–'}</Table.Td>
            <Table.Td>
              {site.gauge.toFixed(2)} × {site.lengthMm} mm
            </Table.Td>
            <Table.Td>
              {site.depthCm} cm
              {site.depthOutsideRange ? (
                <Text size="xs" c="orange">
                  Outside {usualDepthLabel(site.muscle)}
                  {site.depthAck ? `; reason: ${site.depthAck.reason}` : '; not acknowledged'}
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td>{TECHNIQUE_LABELS[site.technique]}</Table.Td>
            <Table.Td>{TWITCH_LABELS[site.twitch]}</Table.Td>
            <Table.Td>{TOLERANCE_LABELS[site.tolerance]}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
