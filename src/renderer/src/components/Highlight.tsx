import { memo } from 'react';
import { segmentByMatches } from './textMatch';

/** `text` with every search term marked; plain text nodes only, so hostile input stays inert. */
export const Highlight = memo(function Highlight({ text, terms }: { text: string; terms: readonly string[] }) {
  if (terms.length === 0) return <>{text}</>;
  return (
    <>
      {segmentByMatches(text, terms).map((segment, index) =>
        segment.match ? (
          <mark key={index} className="match">
            {segment.text}
          </mark>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </>
  );
});
