import { Center, Loader, VisuallyHidden } from '@mantine/core';

/** Centered spinner for a whole screen whose data is not known yet. */
export function FullPageLoader({ label }: { label: string }) {
  return (
    <Center mih="60vh" role="status" aria-live="polite">
      <Loader aria-hidden />
      <VisuallyHidden>{label}</VisuallyHidden>
    </Center>
  );
}
