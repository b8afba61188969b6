import type { PasswordLink } from '@ims/contracts';
import { Alert, Button, CopyButton, Group, Stack, Text, TextInput } from '@mantine/core';

const expiryFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The API may answer with a path; what the admin copies must work from an email or chat message. */
export function absoluteUrl(url: string): string {
  return new URL(url, window.location.origin).href;
}

/** A one-time set-password link, shown once: copy it and send it to the person by a channel you trust. */
export function PasswordLinkCard({ link, name }: { link: PasswordLink; name: string }) {
  const url = absoluteUrl(link.url);
  return (
    <Alert color="clinic" variant="light" title="One-time password link" role="status">
      <Stack gap="sm">
        <Text size="sm">
          Send this link to {name}. It works once, until {expiryFormat.format(new Date(link.expiresAt))}; it is not
          shown again.
        </Text>
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <TextInput
            label="Set-password link"
            value={url}
            readOnly
            onFocus={(event) => event.currentTarget.select()}
            style={{ flex: 1 }}
          />
          <CopyButton value={url}>
            {({ copied, copy }) => (
              <Button onClick={copy} variant={copied ? 'light' : 'filled'}>
                {copied ? 'Copied' : 'Copy link'}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Stack>
    </Alert>
  );
}
