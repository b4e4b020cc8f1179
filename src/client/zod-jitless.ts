/**
 * zod compiles object parsers with new Function() when it may, and decides so
 * as each schema is defined; the CSP forbids eval. Imported before any schema
 * (module imports run in order), so zod never tries.
 */
import { z } from 'zod';

z.config({ jitless: true });
