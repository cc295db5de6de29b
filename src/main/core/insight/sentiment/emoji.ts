import { byValence } from './rules'

/**
 * Emojis and emoticons on AFINN's scale. Written for Earshot after the polarity of each emoji in the
 * Emoji Sentiment Ranking (Kralj Novak et al., 2015), rounded to whole steps; the ones that carry no
 * clear mood (🤯, 🥲, 🚲) are left out. Emojis are never negated: "nicht 😍" is not a thing people write.
 */
export const EMOJI = byValence({
  3: '😍 🥰 😘 🤩 🥳 ❤ 💛 💚 💙 💜 🧡 🤍 ♥ 💕 💖 💗 💝 👏 🙌 👌 🤤 😋 🌟 🏆 💯 <3',
  2: '😀 😃 😄 😁 😆 😊 ☺ 🙂 😎 👍 🤗 🎉 🔥 ✨ ⭐ 💪 😇 🙏 :) :d =) :p',
  1: '😂 🤣 😅 😉 🌸 ☀ 🌞 🌷 🌻 💐 ;)',
  [-1]: '😐 😑 😕 😬 😳 :/',
  [-2]: '🙁 ☹ 😞 😔 😟 😢 😭 🙄 😒 😩 😫 😱 🤦 😓 😥 :(',
  [-3]: '😤 🤢 🤮 👎 💩 💔 😖',
  [-4]: '😡 😠 🤬',
})
