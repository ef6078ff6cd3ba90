// Acme Projects: a stand-in customer app. It talks to Waymark only through the public
// `window.waymark` API that the async snippet installs, exactly as a real customer would.

const USER_KEY = 'acme-demo-user';

/** Two demo people, so targeting by trait can be tried by switching between them. */
const USERS = {
  ada: {
    id: 'ada',
    name: 'Ada',
    traits: {
      name: 'Ada Lovelace',
      email: 'ada@acme.example',
      role: 'admin',
      plan: 'trial',
      createdAt: '2025-01-10T09:00:00Z',
    },
  },
  grace: {
    id: 'grace',
    name: 'Grace',
    traits: {
      name: 'Grace Hopper',
      email: 'grace@acme.example',
      role: 'member',
      plan: 'pro',
      createdAt: '2023-06-02T09:00:00Z',
    },
  },
};

const ROUTES = {
  '/demo': { view: 'dashboard', title: 'Dashboard' },
  '/demo/projects': { view: 'projects', title: 'Projects' },
  '/demo/settings': { view: 'settings', title: 'Settings' },
};

/** Calls the Waymark API if the snippet is installed; the page must work without it. */
function waymark(method, ...args) {
  const api = window.waymark;
  if (api && typeof api[method] === 'function') api[method](...args);
}

function readUserId() {
  try {
    return window.localStorage.getItem(USER_KEY) || 'ada';
  } catch {
    return 'ada'; // storage can be blocked (private mode, sandboxed iframes)
  }
}

/** Ada, Grace, or any other id stored under USER_KEY (tests use fresh ids) as a trial user. */
function userById(id) {
  return USERS[id] ?? { id, name: id, traits: { name: id, plan: 'trial' } };
}

function saveUserId(id) {
  try {
    window.localStorage.setItem(USER_KEY, id);
  } catch {
    // the choice then lasts only for this page view
  }
}

function showAccount(user) {
  document.getElementById('account-name').textContent = user.name;
  document.getElementById('account-avatar').textContent = user.name.charAt(0);
}

function switchUser() {
  const next = readUserId() === 'ada' ? USERS.grace : USERS.ada;
  saveUserId(next.id);
  waymark('reset');
  waymark('identify', next.id, next.traits);
  showAccount(next);
  toast(`Signed in as ${next.name}`);
}

function toast(message) {
  const region = document.getElementById('toasts');
  const item = document.createElement('div');
  item.className = 'toast';
  item.textContent = message;
  region.append(item);
  window.setTimeout(() => item.classList.add('toast-leaving'), 2600);
  window.setTimeout(() => item.remove(), 3000);
}

function routeOf(pathname) {
  const path = pathname.replace(/\/+$/, '') || '/';
  return ROUTES[path] ?? { view: 'not-found', title: 'Page not found' };
}

function render(moveFocus) {
  const route = routeOf(location.pathname);
  const template = document.getElementById(`view-${route.view}`);
  const main = document.getElementById('main');
  main.replaceChildren(template.content.cloneNode(true));
  document.title = `${route.title} · Acme Projects`;
  for (const link of document.querySelectorAll('.nav a')) {
    if (link.dataset.route === route.view) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  // After client-side navigation, put focus where a screen reader user expects the new page.
  if (moveFocus) main.focus();
}

function navigate(url) {
  if (url.pathname === location.pathname) return;
  history.pushState(null, '', url.pathname + url.search);
  render(true);
  window.scrollTo(0, 0);
}

function onClick(event) {
  const link = event.target.closest('a[data-link]');
  if (link) {
    const plain = event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey;
    if (!plain || event.altKey) return;
    event.preventDefault();
    navigate(new URL(link.href));
    return;
  }
  const button = event.target.closest('button');
  if (!button) return;
  switch (button.id) {
    case 'new-project':
      waymark('track', 'New Project Clicked');
      toast('New project started: “Untitled project”');
      break;
    case 'create-project':
      waymark('track', 'Project Created');
      toast('Project created');
      break;
    case 'invite':
      toast('Invitations are switched off in the demo');
      break;
    case 'switch-user':
      switchUser();
      break;
  }
}

function onSubmit(event) {
  if (event.target.id !== 'settings-form') return;
  event.preventDefault();
  toast('Settings saved');
}

const current = userById(readUserId());
showAccount(current);
// Real apps identify on every page load once the user is known; the snippet queues the call.
waymark('identify', current.id, current.traits);

document.addEventListener('click', onClick);
document.addEventListener('submit', onSubmit);
window.addEventListener('popstate', () => render(false));
render(false);
