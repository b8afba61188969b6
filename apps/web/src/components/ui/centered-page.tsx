import { Center, Container, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface CenteredPageProps {
  title: string;
  /** A line under the title. */
  description?: ReactNode;
  /** Wider for content such as a QR code and recovery codes. */
  size?: number;
  children: ReactNode;
}

/** A screen outside the app shell (sign-in, second factor, password reset): brand, one h1 and one card. */
export function CenteredPage({ title, description, size = 420, children }: CenteredPageProps) {
  return (
    <Center mih="100vh" bg="var(--mantine-color-gray-0)" py="xl" component="main">
      <Container size={size} w="100%">
        <Stack gap="lg">
          <Stack gap={4} align="center" ta="center">
            <Text fw={700} c="clinic.8" size="lg">
              IMS Clinic
            </Text>
            <Title order={1} size="h2">
              {title}
            </Title>
            {description ? (
              <Text c="dimmed" size="sm">
                {description}
              </Text>
            ) : null}
          </Stack>
          <Paper p="xl" shadow="xs">
            {children}
          </Paper>
        </Stack>
      </Container>
    </Center>
  );
}
