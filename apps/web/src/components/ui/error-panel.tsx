import { Alert, Button, Group, Text } from '@mantine/core';
import { errorMessage } from '../../lib/error-message';

interface ErrorPanelProps {
  title: string;
  error: unknown;
  onRetry?: () => void;
}

/** An error the user can read and, when a retry makes sense, act on. */
export function ErrorPanel({ title, error, onRetry }: ErrorPanelProps) {
  return (
    <Alert color="red" variant="light" title={title}>
      <Text size="sm">{errorMessage(error)}</Text>
      {onRetry ? (
        <Group mt="sm">
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            Try again
          </Button>
        </Group>
      ) : null}
    </Alert>
  );
}
