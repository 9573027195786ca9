/**
 * A log message shown as inert text (see messageSegments.ts): ANSI colours applied, controls and
 * invisible characters shown as markers, highlights marked, optionally cut to a few lines.
 */
import { memo, type CSSProperties } from 'react';
import type { TextSpan } from '../../../../shared/languages/filter-pattern';
import { cssColor, type AnsiStyle } from './ansi';
import { segmentMessage, type MessageLimit, type MessageSegment } from './messageSegments';
import './MessageText.css';

interface MessageTextProps {
  readonly text: string;
  readonly highlights?: readonly TextSpan[];
  /** Show at most this much; undefined shows everything. */
  readonly limit?: MessageLimit;
  /** Lines wrap (long words break anywhere) or are clipped at the edge. */
  readonly wrap: boolean;
  readonly className?: string;
}

export const MessageText = memo(function MessageText({ text, highlights, limit, wrap, className }: MessageTextProps) {
  const { segments, truncated } = segmentMessage(text, { highlights, limit });
  return <MessageSegments segments={segments} wrap={wrap} truncated={truncated} className={className} />;
});

interface MessageSegmentsProps {
  readonly segments: readonly MessageSegment[];
  readonly wrap: boolean;
  readonly truncated?: boolean;
  readonly className?: string;
}

/** Segments from `segmentMessage`, for callers that also need to know whether the message was cut. */
export const MessageSegments = memo(function MessageSegments({ segments, wrap, truncated, className }: MessageSegmentsProps) {
  return (
    <span className={['message-text', wrap ? 'message-wrap' : 'message-clip', className].filter(Boolean).join(' ')} data-truncated={truncated || undefined}>
      {segments.map((segment, index) => (
        <Segment key={index} segment={segment} />
      ))}
    </span>
  );
});

function Segment({ segment }: { segment: MessageSegment }) {
  const className = classesOf(segment);
  const style = colorsOf(segment.style);
  // Highlighted pieces are marks, as the app's other search highlights are.
  const Element = segment.highlight ? 'mark' : 'span';
  if (segment.kind === 'marker') {
    return (
      <Element className={className} style={style} title={segment.title} data-marker="">
        {segment.label}
      </Element>
    );
  }
  if (!className && !style) return segment.text;
  return (
    <Element className={className} style={style}>
      {segment.text}
    </Element>
  );
}

function classesOf(segment: MessageSegment): string | undefined {
  const { style } = segment;
  const classes = [
    segment.kind === 'marker' && 'message-marker',
    segment.highlight && 'match',
    style.bold && 'ansi-bold',
    style.dim && 'ansi-dim',
    style.italic && 'ansi-italic',
    style.underline && 'ansi-underline',
    style.strike && 'ansi-strike',
  ].filter(Boolean);
  return classes.length > 0 ? classes.join(' ') : undefined;
}

/** Colours from SGR codes; inverse swaps them, using the theme's text and surface colours for defaults. */
function colorsOf(style: AnsiStyle): CSSProperties | undefined {
  const fg = style.fg && cssColor(style.fg);
  const bg = style.bg && cssColor(style.bg);
  if (style.inverse) return { color: bg ?? 'var(--surface)', backgroundColor: fg ?? 'var(--text)' };
  if (!fg && !bg) return undefined;
  return { color: fg, backgroundColor: bg };
}
