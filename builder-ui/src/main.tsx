import { render } from 'preact';
import { createApiClient } from './api';
import { App } from './app';

const root = document.getElementById('app');
if (!root) throw new Error('The builder needs an element with id "app" to render into.');
render(<App api={createApiClient()} />, root);
