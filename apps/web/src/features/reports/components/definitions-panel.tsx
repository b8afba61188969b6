import { Accordion, Text } from '@mantine/core';

interface DefinitionsPanelProps {
  /** Each figure's name with the contract's definition of it. */
  items: ReadonlyArray<{ term: string; definition: string }>;
}

/** Every definition of a tab in one place, folded away: for reading them all, and for the rules no column shows. */
export function DefinitionsPanel({ items }: DefinitionsPanelProps) {
  return (
    <Accordion variant="contained" chevronPosition="left">
      <Accordion.Item value="definitions">
        <Accordion.Control>How each figure is counted</Accordion.Control>
        <Accordion.Panel>
          <dl style={{ margin: 0 }}>
            {items.map((item) => (
              <div key={item.term} style={{ marginBottom: 'var(--mantine-spacing-xs)' }}>
                <Text component="dt" size="sm" fw={600}>
                  {item.term}
                </Text>
                <Text component="dd" size="sm" ml={0}>
                  {item.definition}
                </Text>
              </div>
            ))}
          </dl>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}
