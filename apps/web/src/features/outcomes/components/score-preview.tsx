import { changeFromBaseline, type OutcomeMeasureDefinition, type OutcomeScore } from '@ims/contracts';
import { Badge, Group, Paper, Text } from '@mantine/core';
import { formatChange, formatNumber, formatScore } from '../outcome-format';

interface ScorePreviewProps {
  definition: OutcomeMeasureDefinition;
  score: OutcomeScore;
  /** The plan's baseline score of this measure, to preview the change; null at baseline or without one. */
  baselineScore: number | null;
  /** True when the recording is a baseline: there is no change to show. */
  atBaseline: boolean;
}

const SUBSCORE_LABELS: Record<string, string> = { pain: 'Pain', function: 'Function', disability: 'Disability', overall: 'Overall impact', symptoms: 'Symptoms' };

/**
 * The score as the API will compute it, updated with every answer: the instrument's published rule from the shared
 * contract, so what the clinician sees here is what gets stored. Says why when the answers cannot be scored yet.
 */
export function ScorePreview({ definition, score, baselineScore, atBaseline }: ScorePreviewProps) {
  const { unit, scoreRange } = definition;
  const change = score.scoreable && !atBaseline ? changeFromBaseline(definition.id, baselineScore, score.score) : null;
  return (
    <Paper withBorder p="sm" role="status" aria-live="polite" aria-label="Score preview">
      {score.scoreable ? (
        <Group gap="sm" wrap="wrap">
          <Text fw={700}>Score {formatScore(score.score, unit)}</Text>
          <Text size="sm" c="dimmed">
            on {formatNumber(scoreRange.min)} to {formatNumber(scoreRange.max)}
          </Text>
          {score.subscores
            ? Object.entries(score.subscores).map(([key, value]) => (
                <Text key={key} size="sm">
                  {SUBSCORE_LABELS[key] ?? key} {formatNumber(value)}
                </Text>
              ))
            : null}
          {change ? (
            <>
              <Text size="sm">{definition.hasBaseline ? `Change from baseline ${formatChange(change)}` : `Rated ${formatChange(change)}`}</Text>
              <Badge color={change.mcidReached ? 'teal' : 'gray'} variant="light">
                {change.mcidReached ? 'MCID reached' : 'MCID not reached'}
              </Badge>
            </>
          ) : null}
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          Not scoreable: {score.reason}
        </Text>
      )}
    </Paper>
  );
}
