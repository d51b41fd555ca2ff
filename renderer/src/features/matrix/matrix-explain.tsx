import { useMatrixNotes } from './matrix-notes-i18n';

/**
 * Short in-app explanations (NL/EN), condensed from docs/matrix-definitions.md and
 * docs/disclosure-control.md: the three definitions, in/out/net, the follow-up window and
 * the suppression legend.
 */
export function MatrixExplain() {
  const { nt } = useMatrixNotes();
  const items = ['explain.state', 'explain.firstMove', 'explain.firstAreaMove', 'explain.allMoves', 'explain.trail', 'explain.flows', 'explain.followUp', 'explain.legend'] as const;
  return (
    <section className="matrix-explain" id="matrix-explain" data-testid="matrix-explain" aria-label={nt('explain.title')}>
      <dl>
        {items.map((key) => {
          const text = nt(key);
          const colon = text.indexOf(': ');
          return [
            <dt key={`${key}-t`}>{text.slice(0, colon)}</dt>,
            <dd key={`${key}-d`}>{text.slice(colon + 2)}</dd>,
          ];
        })}
      </dl>
    </section>
  );
}
