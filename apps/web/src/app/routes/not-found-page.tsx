import { Button, Stack, Text, Title } from '@mantine/core';
import { Link, useLocation } from 'react-router';

/** Any path no route claims. */
export function NotFoundPage() {
  const location = useLocation();
  return (
    <Stack align="center" gap="sm" py="xl" ta="center">
      <Title order={1} size="h2">
        Page not found
      </Title>
      <Text c="dimmed">
        There is no page at <code>{location.pathname}</code>. It may have moved, or the link may be mistyped.
      </Text>
      <Button component={Link} to="/" variant="light">
        Go to Today
      </Button>
    </Stack>
  );
}
