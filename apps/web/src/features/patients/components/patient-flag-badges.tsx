import type { Patient } from '@ims/contracts';
import { Badge, Group } from '@mantine/core';

interface PatientFlagBadgesProps {
  flags: Patient['flags'];
  archived?: boolean;
  anonymised?: boolean;
  size?: 'xs' | 'sm' | 'md';
}

/**
 * The yes/no facts every role may see: IMS consent on file, precautions recorded, archived. Never the clinical
 * detail behind them, which only clinicians read.
 */
export function PatientFlagBadges({ flags, archived, anonymised, size = 'sm' }: PatientFlagBadgesProps) {
  return (
    <Group gap={6} wrap="wrap">
      {flags.imsConsentOnFile ? (
        <Badge color="teal" variant="light" size={size}>
          IMS consent on file
        </Badge>
      ) : null}
      {flags.precautionsPresent ? (
        <Badge color="orange" variant="filled" size={size}>
          Precautions
        </Badge>
      ) : null}
      {anonymised ? (
        <Badge color="dark" variant="light" size={size}>
          Anonymised
        </Badge>
      ) : archived ? (
        <Badge color="gray" variant="light" size={size}>
          Archived
        </Badge>
      ) : null}
    </Group>
  );
}
