/** Dates leave the API as ISO 8601 strings; a missing one as null. */
export const iso = (d: Date | null) => (d ? d.toISOString() : null);
