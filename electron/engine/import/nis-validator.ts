import { isValidInVintage, isValidOn } from '../geo/nis-validity';

/** Which municipality codes are valid: on a date (codes as recorded) or in a vintage the supplier converted to. */
export interface NisValidator {
  isValidOn(code: string, isoDate: string): boolean;
  isValidInVintage(code: string, vintage: '2019' | '2025'): boolean;
}

/** Backed by the bundled REFNIS reference data (electron/engine/geo). */
export const refdataNisValidator: NisValidator = { isValidOn, isValidInVintage };
