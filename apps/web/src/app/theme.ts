import { createTheme, type MantineColorsTuple } from '@mantine/core';

// A muted clinical teal-blue: calm, and white text on the primary shade stays above WCAG AA contrast.
const clinic: MantineColorsTuple = [
  '#e8f6f9',
  '#d5eaf0',
  '#a7d4e1',
  '#76bdd2',
  '#4fa9c5',
  '#379dbd',
  '#2797ba',
  '#1884a4',
  '#057593',
  '#006582',
];

export const theme = createTheme({
  primaryColor: 'clinic',
  primaryShade: { light: 8, dark: 6 },
  colors: { clinic },
  fontFamily:
    'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '600' },
  defaultRadius: 'md',
  focusRing: 'auto',
  cursorType: 'pointer',
  components: {
    Paper: { defaultProps: { withBorder: true, radius: 'md' } },
  },
});
