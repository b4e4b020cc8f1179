// html-validate's configuration for the built pages (npm run audit validates
// every dist/client/**/*.html with it; `npx html-validate dist/client` reads
// it too). The recommended preset, with only these departures:
/** @type {import('html-validate').ConfigData} */
export default {
  root: true,
  extends: ['html-validate:recommended'],
  rules: {
    // The header search is an ARIA 1.2 combobox: a text input with a listbox
    // popup of live suggestions (src/client/search-suggest.ts). A native
    // <select> cannot be a suggestion list for free text, so role="listbox"
    // is the correct markup there.
    'prefer-native-element': ['error', { exclude: ['listbox'] }],
    // The map's layer list is one multi-valued field: a checkbox per layer,
    // all named "layer" (?layer=a&layer=b), the standard way to submit a set.
    'form-dup-name': ['error', { shared: ['radio', 'button', 'reset', 'submit', 'checkbox'] }],
    // A record page's <title> carries the official 公告标题 in full, as the
    // government website rules ask; many run past the rule's 70 characters
    // (a heuristic for Latin-script titles) and must not be cut.
    'long-title': 'off',
  },
};
