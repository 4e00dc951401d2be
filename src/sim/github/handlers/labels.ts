import { notFound, validationFailed } from '../errors.js';
import { paginate } from '../paginate.js';
import { renderLabel } from '../render.js';
import type { Call, Reply, RouteDef } from '../router.js';
import type { GitHubState } from '../state.js';

/** A new label: a unique name (case-insensitively) and a six-hex colour, `#` allowed. */
function createLabel(state: GitHubState, { body }: Call): Reply {
  if (typeof body.name !== 'string' || body.name === '') throw validationFailed('Label', 'name');
  if (state.labels.some((l) => l.name.toLowerCase() === String(body.name).toLowerCase())) {
    throw validationFailed('Label', 'name', 'already_exists');
  }
  const color = typeof body.color === 'string' ? body.color.replace(/^#/, '') : 'ededed';
  if (!/^[0-9a-f]{6}$/i.test(color)) throw validationFailed('Label', 'color', 'invalid');
  const description = typeof body.description === 'string' ? body.description : null;
  return { status: 201, body: renderLabel(state, state.ensureLabel(body.name, color, description)) };
}

function listLabels(state: GitHubState, { query, url }: Call): Reply {
  const { page, link } = paginate(state.apiUrl, state.labels, query, url);
  return { status: 200, body: page.map((l) => renderLabel(state, l)), link };
}

function getLabel(state: GitHubState, { params }: Call): Reply {
  const name = decodeURIComponent(params.name);
  const label = state.labels.find((l) => l.name.toLowerCase() === name.toLowerCase());
  if (!label) throw notFound();
  return { status: 200, body: renderLabel(state, label) };
}

export const LABEL_ROUTES: RouteDef[] = [
  { method: 'POST', path: '/labels', handler: createLabel },
  { method: 'GET', path: '/labels', handler: listLabels },
  { method: 'GET', path: '/labels/{name}', handler: getLabel },
];
