import { Alert, List, Text } from '@mantine/core';
import { isApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/error-message';

/** A 422 refusal by the booking rules (working hours, opening hours, time off): a manager may override it. */
export function isRuleRefusal(error: unknown): boolean {
  return isApiError(error, 422) && !!error.problem.violations?.length;
}

/** A 409 naming the appointments that already hold the slot (not a stale version). */
export function isSlotConflict(error: unknown): boolean {
  return isApiError(error, 409) && !!error.problem.conflicts?.length;
}

/**
 * Why a booking or move was refused, in the words the API gave: the appointments holding the slot (409), the
 * rules the time breaks (422), someone else's change in between (409 stale version), or any other failure.
 */
export function SlotProblemAlert({ error, what }: { error: unknown; what: string }) {
  if (isSlotConflict(error) && isApiError(error)) {
    return (
      <Alert color="red" variant="light" title="The slot is taken">
        <List size="sm">
          {error.problem.conflicts!.map((conflict, index) => (
            <List.Item key={conflict.id ?? index}>{conflict.message}</List.Item>
          ))}
        </List>
      </Alert>
    );
  }
  if (isRuleRefusal(error) && isApiError(error)) {
    return (
      <Alert color="orange" variant="light" title="Outside the booking rules">
        <List size="sm">
          {error.problem.violations!.map((violation) => (
            <List.Item key={violation.rule + violation.message}>{violation.message}</List.Item>
          ))}
        </List>
      </Alert>
    );
  }
  if (isApiError(error, 409)) {
    return (
      <Alert color="orange" variant="light" title="Changed by someone else">
        <Text size="sm">{errorMessage(error)}</Text>
      </Alert>
    );
  }
  return (
    <Alert color="red" variant="light" title={`The appointment was not ${what}`}>
      <Text size="sm">{errorMessage(error)}</Text>
    </Alert>
  );
}
