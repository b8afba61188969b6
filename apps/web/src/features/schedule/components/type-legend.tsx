import type { AppointmentType } from '@ims/contracts';
import { Box, Group, Text } from '@mantine/core';
import { typeColours } from '../calendar-events';

/** Which colour is which appointment type, for the active types. */
export function TypeLegend({ types }: { types: readonly AppointmentType[] }) {
  const colours = typeColours(types);
  const active = types.filter((type) => type.active);
  if (active.length === 0) return null;
  return (
    <Group gap="md" aria-label="Appointment types">
      {active.map((type) => (
        <Group key={type.id} gap={6}>
          <Box w={12} h={12} style={{ borderRadius: 3, background: colours.get(type.id) }} />
          <Text size="xs">
            {type.name} ({type.durationMinutes} min)
          </Text>
        </Group>
      ))}
    </Group>
  );
}
