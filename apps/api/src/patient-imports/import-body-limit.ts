/**
 * The dry run carries the whole CSV (up to 10 MB of text, more once JSON-escaped) in its JSON body, far above the
 * API's general 256 kB limit. Only this route gets the larger limit (see parseBodies in common/http).
 */
export const PATIENT_IMPORT_BODY_LIMIT = { method: 'POST', path: '/api/patient-imports', limit: '15mb' } as const;
