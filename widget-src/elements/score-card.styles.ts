import { css } from 'lit';

// Band colours differ in lightness as well as hue (warm lightest, hot
// darkest, in both themes), so they stay apart for colour-blind users.

// Dark values, used twice below: for theme="dark" and for theme="auto" when
// the system prefers dark. Each public property still wins over its default.
const dark = css`
  --_surface: var(--entity-score-surface, #1c2128);
  --_text: var(--entity-score-text, #e6edf3);
  --_muted: var(--entity-score-text-muted, #9da7b3);
  --_border: var(--entity-score-border, #768390);
  --_accent: var(--entity-score-accent, #6cb6ff);
  --_hot: var(--entity-score-band-hot, #e8642c);
  --_warm: var(--entity-score-band-warm, #f0c44f);
  --_cold: var(--entity-score-band-cold, #62aef7);
  --_positive: var(--entity-score-bar-positive, #58a6ff);
  --_negative: var(--entity-score-bar-negative, #f0883e);
  --_bone: var(--entity-score-skeleton, #2d333b);
  color-scheme: dark;
`;

export const styles = css`
  :host {
    display: block;
    --_surface: var(--entity-score-surface, #fff);
    --_text: var(--entity-score-text, #1f2328);
    --_muted: var(--entity-score-text-muted, #59636e);
    --_border: var(--entity-score-border, #8c959f);
    --_accent: var(--entity-score-accent, #0b5cad);
    --_hot: var(--entity-score-band-hot, #9c3000);
    --_warm: var(--entity-score-band-warm, #a67c00);
    --_cold: var(--entity-score-band-cold, #2f6fd0);
    --_positive: var(--entity-score-bar-positive, #1f62c4);
    --_negative: var(--entity-score-bar-negative, #b34700);
    --_bone: var(--entity-score-skeleton, #e6e9ed);
    color-scheme: light;
    font: var(--entity-score-font, 14px/1.4 system-ui, sans-serif);
    color: var(--_text);
  }
  :host([hidden]) {
    display: none;
  }
  :host([theme='dark']) {
    ${dark}
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${dark}
    }
  }

  .card {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: 8px;
    padding: 12px 16px;
  }
  h2,
  p,
  dl,
  dd,
  ul {
    margin: 0;
    padding: 0;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .muted,
  .code,
  .notes {
    color: var(--_muted);
    font-size: 12px;
  }

  .name {
    font-size: 15px;
    font-weight: 600;
    line-height: 1.35;
    overflow-wrap: anywhere;
  }
  .headline {
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: 4px 12px;
    margin-block: 4px;
  }
  .score {
    font-size: 28px;
    font-weight: 700;
    line-height: 1.2;
    font-variant-numeric: tabular-nums;
    overflow-wrap: anywhere;
    min-inline-size: 0;
  }
  .label {
    color: var(--_muted);
    font-size: 12px;
    text-transform: uppercase;
    letter-spacing: 0.04em;
  }
  .band {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    padding: 1px 8px;
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: 13px;
    line-height: 1.4;
  }
  .band span {
    color: var(--_text);
  }
  .hot {
    color: var(--_hot);
  }
  .warm {
    color: var(--_warm);
  }
  .cold {
    color: var(--_cold);
  }
  .icon {
    width: 1em;
    height: 1em;
    flex: none;
  }

  .parts {
    display: flex;
    flex-wrap: wrap;
    gap: 0 16px;
    line-height: 1.4;
  }
  .parts div {
    display: flex;
    gap: 4px;
  }
  dt {
    color: var(--_muted);
  }
  .bar {
    display: flex;
    gap: 2px;
    height: 8px;
    margin-block: 8px 0;
  }
  .bar span {
    border-radius: 2px;
  }
  .pos {
    background: var(--_positive);
  }
  .neg {
    background: var(--_negative);
  }
  .touch,
  details,
  .inactive {
    margin-block-start: 8px;
  }
  .inactive {
    display: inline-block;
    padding: 0 6px;
    border: 1px dashed var(--_muted);
    border-radius: 4px;
    color: var(--_muted);
    font-size: 12px;
  }
  summary {
    cursor: pointer;
    color: var(--_accent);
    width: fit-content;
  }
  details p {
    margin-block-start: 4px;
  }

  .others {
    list-style: none;
    margin-block-start: 12px;
    border-block-start: 1px solid var(--_border);
  }
  .others li {
    border-block-end: 1px solid var(--_border);
  }
  .row {
    all: unset;
    box-sizing: border-box;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px 12px;
    width: 100%;
    padding-block: 8px;
    cursor: pointer;
  }
  .row .inactive {
    margin: 0;
    flex: none;
  }
  /* break-word, unlike anywhere, keeps whole words in the name's minimum
     width, so a narrow frame wraps the score and band to a new line instead
     of breaking the name into single letters. */
  .row .name {
    flex: 1 1 8em;
    overflow-wrap: break-word;
  }
  .row .score {
    font-size: 17px;
  }
  .row::after {
    content: '';
    inline-size: 6px;
    block-size: 6px;
    border: solid var(--_muted);
    border-width: 0 2px 2px 0;
    transform: rotate(45deg);
  }
  .row[aria-expanded='true']::after {
    transform: rotate(-135deg);
  }
  .more {
    padding-block-end: 8px;
  }

  .notes {
    margin-block-start: 12px;
    padding-inline-start: 16px;
  }
  .message p + p {
    margin-block-start: 4px;
  }
  .code {
    margin-block-start: 8px;
  }
  button.retry {
    margin-block-start: 8px;
    padding: 4px 12px;
    border: 1px solid var(--_accent);
    border-radius: 4px;
    background: none;
    color: var(--_accent);
    font: inherit;
    cursor: pointer;
  }
  button.retry:disabled {
    border-color: var(--_muted);
    color: var(--_muted);
    cursor: default;
  }
  :focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }

  .bone {
    display: block;
    height: 1lh;
    width: 40%;
    border-radius: 4px;
    background: linear-gradient(90deg, var(--_bone) 40%, var(--_surface) 50%, var(--_bone) 60%) 0 0 / 300% 100%
      content-box;
    padding-block: 0.2lh;
    box-sizing: border-box;
    animation: shimmer 1.5s linear infinite;
  }
  .score .bone {
    width: 4ch;
  }
  .parts .bone {
    width: 60%;
  }
  .bar.bone {
    height: 8px;
    width: 100%;
    padding: 0;
  }
  @keyframes shimmer {
    to {
      background-position: -150% 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      animation: none !important;
      transition: none !important;
    }
  }
  @media (forced-colors: active) {
    .card,
    .band,
    .bone {
      border: 1px solid CanvasText;
    }
    .icon {
      color: CanvasText;
    }
    .bar span {
      forced-color-adjust: none;
      background: CanvasText;
    }
    .bar .pos {
      background: Highlight;
    }
  }
`;
