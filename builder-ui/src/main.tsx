import { render } from 'preact';
import { createApiClient } from './api';
import { App } from './app';
import { findRoute } from './routes';
import { signedOutPage } from './signed-out-routes';

const root = document.getElementById('app');
if (!root) throw new Error('The builder needs an element with id "app" to render into.');

// Fetch the code of the page this address shows while the session check runs, not after it: the
// signed-in page when the address is one, else the sign-in (or sign-up, reset…) page. A failure
// is shown when the page renders, which tries again.
const path = window.location.pathname;
(findRoute(path)?.route.page ?? signedOutPage(path)).preload().catch(() => undefined);

render(<App api={createApiClient()} />, root);
