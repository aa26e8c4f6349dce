/** The mlegrade version, written into every report's signature. Kept equal to package.json by a test. */
export const VERSION = "0.1.0";
