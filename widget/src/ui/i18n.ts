// Localisation helpers from @waymark/shared, re-exported so every surface shares one copy.
export { isRtlLocale, localize, translate } from '@waymark/shared';
