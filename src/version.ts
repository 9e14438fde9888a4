/** pensim's version, carried by every result (a test checks it equals package.json's). */
export const VERSION = '0.4.0';
