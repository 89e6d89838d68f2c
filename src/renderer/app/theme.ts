// Runs in: renderer. Owns: the Mantine theme, with the contrast fixes the accessibility scan asks for.
import {
  Alert,
  Badge,
  Button,
  createTheme,
  DEFAULT_THEME,
  Modal,
  NavLink,
  Notification,
  type MantineColorsTuple,
} from '@mantine/core';

// Mantine's gray.6 (#868e96, also "dimmed" text) is 3.3:1 on white; #666d75 reaches 5.2:1 (AA needs 4.5).
const gray = DEFAULT_THEME.colors.gray.map((c, i) =>
  i === 6 ? '#666d75' : c,
) as unknown as MantineColorsTuple;
// Dark scheme: dimmed text (dark.2, #828282) is 4.0:1 on the body and 3.5:1 on cards; #9b9b9b reaches 5.7:1
// and 4.9:1.
const dark = DEFAULT_THEME.colors.dark.map((c, i) =>
  i === 2 ? '#9b9b9b' : c,
) as unknown as MantineColorsTuple;

export const theme = createTheme({
  primaryColor: 'indigo',
  // indigo.6 under white button text is 4.3:1; indigo.7 is 5.0:1.
  primaryShade: { light: 7, dark: 8 },
  // Filled badges and buttons in light colours (green, yellow) get dark text instead of white.
  autoContrast: true,
  colors: { gray, dark },
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  // Icon-only close buttons need a name for screen readers.
  components: {
    // A light alert's title in its own colour (orange, red on a tint of it) is under 4.5:1: the tint and
    // the icon carry the colour, the title reads in the text colour.
    Alert: Alert.extend({ styles: { title: { color: 'var(--mantine-color-text)' } } }),
    // The same for light badges (health words) and light buttons: the tint carries the colour.
    Button: Button.extend({
      styles: (_theme, props) =>
        props.variant === 'light' ? { label: { color: 'var(--mantine-color-text)' } } : {},
    }),
    Badge: Badge.extend({
      styles: (_theme, props) =>
        props.variant === 'light' ? { label: { color: 'var(--mantine-color-text)' } } : {},
    }),
    // The open area's link keeps its tint under the pointer: the hover tint under its text is 4.1:1.
    NavLink: NavLink.extend({
      vars: (_theme, props) => ({
        root: props.active ? { '--nl-hover': 'var(--mantine-primary-color-light)' } : {},
        children: {},
      }),
    }),
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    Notification: Notification.extend({
      defaultProps: { closeButtonProps: { 'aria-label': 'Close notification' } },
    }),
  },
});
