// The `common` chunk: what every surface shares (preact, the stage, blocks, focus, markdown,
// element finding, localisation). Surface chunks import these modules from here (build.mjs
// rewrites the imports), so a page downloads them once.
export { Component, render } from 'preact';
export { Fragment, jsx, jsxs } from 'preact/jsx-runtime';
export * from '../ui/stage';
export * from '../ui/blocks.view';
export * from '../ui/focus';
export * from '../ui/i18n';
export { findElement, isVisible } from '../dom/element.finder';
export * from '../dom/element.waiter';
