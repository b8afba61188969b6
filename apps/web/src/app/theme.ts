import {
  createTheme,
  darken,
  defaultVariantColorsResolver,
  parseThemeColor,
  type CSSVariablesResolver,
  type MantineColorsTuple,
  type VariantColorsResolver,
} from '@mantine/core';

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

/**
 * Mantine's light variant (badges, alerts, light buttons) writes shade 6 on a pale tint of it: orange, yellow, teal and
 * our own teal-blue fall below WCAG AA's 4.5:1 there. The text takes a darkened shade 9 instead, whatever the colour.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  if (input.variant !== 'light') return colors;
  const parsed = parseThemeColor({ color: input.color || input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor) return colors;
  const text = darken(input.theme.colors[parsed.color][9], 0.4);
  return { ...colors, color: text, hoverColor: text };
};

export const theme = createTheme({
  variantColorResolver,
  // Filled badges and buttons pick dark or white text by their background: the equal-contrast luminance (0.179)
  // keeps white only where it reaches WCAG AA.
  autoContrast: true,
  luminanceThreshold: 0.179,
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

/**
 * Contrast (WCAG AA, 4.5:1 for text). Mantine's "dimmed" text is gray 6 (#868e96: 3.3:1 on white), below WCAG AA's 4.5:1 for body text; secondary text
 * here is gray 7 (#495057: 8.2:1) so hints, captions and descriptions stay readable.
 */
export const cssVariablesResolver: CSSVariablesResolver = (resolved) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    // Coloured text (`c="red"`, anchors) is shade 6 by default, under 4.5:1 on white for most colours.
    ...Object.fromEntries(Object.keys(resolved.colors).map((name) => [`--mantine-color-${name}-text`, darken(resolved.colors[name][9], 0.2)])),
  },
  dark: {},
});
