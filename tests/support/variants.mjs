// The two ways a screen is checked: a desktop in English and a phone in Arabic (right to left).

/** A desktop browser window, in English. */
export const DESKTOP_EN = { name: 'desktop-en', viewport: { width: 1280, height: 800 }, lang: 'en' };

/** A phone held upright, in Arabic. */
export const PHONE_AR = { name: 'phone-ar', viewport: { width: 360, height: 740 }, lang: 'ar' };

/** Both, desktop first. */
export const VARIANTS = [DESKTOP_EN, PHONE_AR];
