/** The web bundle's ./bundle.ts. */
export const WEB_BUNDLE: boolean = true;

export const BUNDLE_FILES: readonly string[] = ['extension.js'];
