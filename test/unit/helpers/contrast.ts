// WCAG 2.x contrast ratio of two sRGB colours, from the relative-luminance
// definition: linearise each channel, weight 0.2126 R + 0.7152 G + 0.0722 B,
// then (lighter + 0.05) / (darker + 0.05).

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/** Parses a computed colour (`rgb(…)` or `rgba(…)`, as getComputedStyle returns them). Rejects transparent colours. */
export function parseColor(value: string): Rgb {
  const match = /^rgba?\((\d+(?:\.\d+)?),\s*(\d+(?:\.\d+)?),\s*(\d+(?:\.\d+)?)(?:,\s*([\d.]+))?\)$/.exec(value.trim());
  if (!match) throw new Error(`Not an rgb() colour: ${value}`);
  if (match[4] !== undefined && Number(match[4]) < 1) throw new Error(`Colour is not opaque: ${value}`);
  return { r: Number(match[1]), g: Number(match[2]), b: Number(match[3]) };
}

/** Returns the WCAG relative luminance of an sRGB colour, from 0 (black) to 1 (white). */
export function relativeLuminance({ r, g, b }: Rgb): number {
  const linear = (channel: number): number => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** Returns the WCAG contrast ratio of two colours, from 1 to 21. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
