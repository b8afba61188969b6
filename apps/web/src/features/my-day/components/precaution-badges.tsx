import { PRECAUTIONS } from '@ims/contracts';
import { Badge, Group } from '@mantine/core';

const LABELS = new Map<string, string>(PRECAUTIONS.map((precaution) => [precaution.key, precaution.label]));

/** The precautions of the patient's current screening, each as its own badge, so none hides behind a count. */
export function PrecautionBadges({ precautions }: { precautions: readonly string[] }) {
  if (precautions.length === 0) return null;
  return (
    <Group gap={4} aria-label="Precautions">
      {precautions.map((key) => (
        <Badge key={key} color="orange" variant="light" size="sm" tt="none">
          {LABELS.get(key) ?? key}
        </Badge>
      ))}
    </Group>
  );
}
