import i18next, { type TFunction } from 'i18next'
import { de, en } from './catalogues'

/** For tests of text built outside React: the app's catalogues in an i18next instance of the test's own. */
export async function translator(lng: 'de' | 'en'): Promise<TFunction> {
  const i18n = i18next.createInstance()
  await i18n.init({
    lng,
    resources: { de: { translation: de }, en: { translation: en } },
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  })
  return i18n.t
}
