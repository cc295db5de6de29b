import { Fragment } from 'react'
import { useTranslation } from 'react-i18next'
import { isMacPlatform, KEYMAP, keyLabel, SHORTCUT_GROUPS } from './keymap'
import { Modal } from './Modal'

/** "?": every shortcut, read from the same table the key handler uses. */
export function ShortcutHelp({ onClosed }: { onClosed: () => void }) {
  const { t } = useTranslation()
  const mac = isMacPlatform(navigator.userAgent)
  return (
    <Modal labelledBy="shortcut-help-title" className="shortcut-help" onClosed={onClosed}>
      {(close) => (
        <>
          <h2 id="shortcut-help-title">{t('triage.shortcuts.title')}</h2>
          <p className="muted small">{t('triage.shortcuts.hint')}</p>
          {SHORTCUT_GROUPS.map((group) => (
            <section key={group} aria-labelledby={`shortcut-group-${group}`}>
              <h3 id={`shortcut-group-${group}`}>{t(`triage.shortcuts.group.${group}`)}</h3>
              <dl className="shortcut-list">
                {KEYMAP.filter((s) => s.group === group).map((s) => (
                  <div key={s.id} className="shortcut">
                    <dt>
                      {s.keys.map((key, i) => (
                        <Fragment key={key}>
                          {i > 0 && <span className="muted"> {t('triage.shortcuts.or')} </span>}
                          <kbd>{keyLabel(key, mac)}</kbd>
                        </Fragment>
                      ))}
                    </dt>
                    <dd>{t(`triage.shortcuts.${s.id}`)}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
          <div className="actions">
            <button type="button" onClick={close}>
              {t('triage.close')}
            </button>
          </div>
        </>
      )}
    </Modal>
  )
}
