import { snippetMethods } from '@waymark/shared';

/** Methods the loader snippet's stub records before the bundle arrives (the public API). */
export const STUB_METHODS = snippetMethods;
