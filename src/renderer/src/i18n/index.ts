import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import { de, en } from './catalogues'

export const LANGUAGES = ['de', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

const STORAGE_KEY = 'earshot.language'

function storedLanguage(): Language | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY)
    return value === 'de' || value === 'en' ? value : null
  } catch {
    // Storage may be blocked (private mode, file:// in some shells); fall back to the browser.
    return null
  }
}

function browserLanguage(): Language {
  return navigator.language.toLowerCase().startsWith('de') ? 'de' : 'en'
}

export function initI18n(): typeof i18n {
  const lng = storedLanguage() ?? browserLanguage()
  void i18n.use(initReactI18next).init({
    resources: { de: { translation: de }, en: { translation: en } },
    lng,
    fallbackLng: 'en',
    supportedLngs: LANGUAGES,
    // React already escapes text; escaping twice would show "&amp;" to the user.
    interpolation: { escapeValue: false },
    returnNull: false,
    // Keeps the console clean for users and for e2e runs that fail on console noise.
    showSupportNotice: false,
  })
  document.documentElement.lang = lng
  return i18n
}

export async function setLanguage(lng: Language): Promise<void> {
  await i18n.changeLanguage(lng)
  document.documentElement.lang = lng
  try {
    localStorage.setItem(STORAGE_KEY, lng)
  } catch {
    // Not persisting is acceptable; the choice still holds for this session.
  }
}
