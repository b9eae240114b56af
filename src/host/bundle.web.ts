/** The web bundle's ./bundle.ts. */
export const WEB_BUNDLE: boolean = true;
