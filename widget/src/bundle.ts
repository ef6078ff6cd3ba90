// The script-tag build (dist/waymark.js): turns the snippet's stub into a live instance.
import { installGlobal } from './core/stub.replayer';
import { Waymark } from './core/waymark.client';

installGlobal(window as { waymark?: unknown }, () => new Waymark());
