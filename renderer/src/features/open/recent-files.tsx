import { useEffect, useState } from 'react';
import { settle, verhuis } from '../../api/verhuis';
import { useI18n } from '../../i18n/i18n';

/** The last opened files (paths only, never passphrases), from the app settings. */
export function RecentFiles({ onPick, disabled }: { onPick: (path: string) => void; disabled?: boolean }) {
  const { t } = useI18n();
  const [paths, setPaths] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    void (async () => {
      const recent = await settle(() => verhuis().extract.recent({}));
      if (!live) return;
      if (recent.ok) {
        setPaths(recent.value.paths);
        return;
      }
      const settings = await settle(() => verhuis().app.settings({}));
      if (live && settings.ok) setPaths(settings.value.recentFiles);
    })();
    return () => {
      live = false;
    };
  }, []);
  return (
    <section className="card open-screen__recent" aria-labelledby="recent-title" data-testid="recent-files">
      <h2 id="recent-title" className="card__subtitle">{t('open.recent')}</h2>
      {paths.length === 0 ? (
        <p className="field__hint">{t('open.recentEmpty')}</p>
      ) : (
        <ul className="recent-list">
          {paths.map((p) => (
            <li key={p}>
              <button type="button" className="button button--link recent-list__item" onClick={() => onPick(p)} disabled={disabled} title={p}>
                <span className="recent-list__name">{baseName(p)}</span>
                <span className="recent-list__path">{p}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const baseName = (p: string): string => p.split(/[\\/]/).filter(Boolean).pop() ?? p;
