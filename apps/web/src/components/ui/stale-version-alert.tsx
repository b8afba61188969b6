import { Alert, Button, Group, Text } from '@mantine/core';

/**
 * The 409 answer to an edit made from an old copy: someone else saved in between. Nothing of theirs is
 * overwritten; the person reloads, sees the current state and makes their change again.
 */
export function StaleVersionAlert({ what, onReload, reloading }: { what: string; onReload: () => void; reloading?: boolean }) {
  return (
    <Alert color="orange" variant="light" title="Changed by someone else">
      <Text size="sm">
        Someone else changed {what} while you were editing, so your changes were not saved. Reload to see the
        current version, then make your changes again.
      </Text>
      <Group mt="sm">
        <Button size="xs" color="orange" onClick={onReload} loading={reloading}>
          Reload
        </Button>
      </Group>
    </Alert>
  );
}
