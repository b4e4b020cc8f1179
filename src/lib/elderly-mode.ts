/**
 * The elderly mode (larger text, higher contrast) is remembered in
 * localStorage under ELDERLY_KEY. PAINT_SNIPPET applies it before first paint,
 * so the page does not jump: it is the one inline script of every page, and
 * the CSP allows exactly it by its hash (src/server/headers.ts).
 */
export const ELDERLY_KEY = 'geoportal.elderly';

export const PAINT_SNIPPET = `try{if(localStorage.getItem('${ELDERLY_KEY}')==='1')document.documentElement.classList.add('elderly')}catch(e){}`;
