/**
 * The services and components a postmortem is about: those its frontmatter declares (`services`, `service`,
 * `components`, `systems`), and those its title, summary, trigger and root cause name: host names
 * (`static.crates.io`, `prow.k8s.io`) and well-known infrastructure components (DNS, Kubernetes, Redis…).
 * Names are normalised (lower case, `k8s` is `kubernetes`) so that two documents match on the same thing written
 * differently.
 */

/** Component names as written (lower case), mapped to one canonical name. */
const COMPONENTS: Record<string, string> = {
  dns: 'dns',
  kubernetes: 'kubernetes',
  k8s: 'kubernetes',
  eks: 'kubernetes',
  gke: 'kubernetes',
  aks: 'kubernetes',
  kubectl: 'kubernetes',
  redis: 'redis',
  memcached: 'memcached',
  postgres: 'postgresql',
  postgresql: 'postgresql',
  mysql: 'mysql',
  mariadb: 'mysql',
  mongodb: 'mongodb',
  elasticsearch: 'elasticsearch',
  opensearch: 'elasticsearch',
  kafka: 'kafka',
  rabbitmq: 'rabbitmq',
  sidekiq: 'sidekiq',
  nginx: 'nginx',
  traefik: 'traefik',
  haproxy: 'haproxy',
  envoy: 'envoy',
  ingress: 'ingress',
  cdn: 'cdn',
  cloudfront: 'cdn',
  fastly: 'cdn',
  cloudflare: 'cloudflare',
  terraform: 'terraform',
  ansible: 'ansible',
  docker: 'docker',
  jenkins: 'jenkins',
  'github actions': 'github-actions',
  github: 'github',
  gitlab: 'gitlab',
  s3: 's3',
  'load balancer': 'load-balancer',
  'load balancers': 'load-balancer',
  tls: 'tls',
  ssl: 'tls',
  certificate: 'tls',
  certificates: 'tls',
  oauth: 'auth',
  auth0: 'auth',
  authentication: 'auth',
  sso: 'auth',
  ldap: 'auth',
  'active directory': 'auth',
  database: 'database',
  'message queue': 'queue',
  prow: 'prow',
  boskos: 'boskos',
  rustup: 'rustup',
  mastodon: 'mastodon',
  'docs.rs': 'docs.rs',
  'crates.io': 'crates.io',
  pypi: 'pypi',
  homebrew: 'homebrew',
  npm: 'npm',
  email: 'email',
  smtp: 'email',
  'mailing list': 'email',
  vpn: 'vpn',
  'api gateway': 'api-gateway',
  cron: 'cron',
  'ci pipeline': 'ci',
  ci: 'ci',
};

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
/** Longest first, so that "github actions" wins over "github". */
const COMPONENT_RE = new RegExp(
  `(?<![\\w.-])(?:${Object.keys(COMPONENTS)
    .sort((a, b) => b.length - a.length)
    .map(escapeRe)
    .join('|')})(?![\\w-])`,
  'gi',
);
/** Host names: two or more labels, a known-looking top-level label; bounded label lengths. */
const HOST_RE =
  /(?<![\w@./-])((?:[a-z0-9](?:[a-z0-9-]{0,40}[a-z0-9])?\.){1,4}(?:io|rs|org|com|net|dev|app|sh|cloud|social|so))(?![\w-]|\.[a-z])/gi;

/** Lower case, `k8s` as `kubernetes`, `www.` dropped: the form two documents are compared on. */
export function normaliseService(name: string): string {
  const lower = name.trim().toLowerCase().replace(/\s+/g, ' ');
  return COMPONENTS[lower] ?? lower.replace(/^www\./, '');
}

/** The services a frontmatter declares. */
export function declaredServices(data: Record<string, unknown> | undefined): string[] {
  const out: string[] = [];
  for (const key of ['services', 'service', 'components', 'component', 'systems', 'system']) {
    const value = data?.[key];
    const list = Array.isArray(value) ? value : [value];
    for (const v of list) if (typeof v === 'string' && v.trim()) out.push(normaliseService(v));
  }
  return [...new Set(out)];
}

/** Components and host names a text names, each with how often. */
export function servicesNamed(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (name: string) => counts.set(name, (counts.get(name) ?? 0) + 1);
  for (const m of text.matchAll(COMPONENT_RE)) {
    const word = m[0];
    // Short acronyms only as written in capitals ("DNS", "CI"), not inside ordinary words or lower-case prose.
    if (word.length <= 3 && word !== word.toUpperCase() && !/\d/.test(word)) continue;
    add(COMPONENTS[word.toLowerCase()] ?? word.toLowerCase());
  }
  for (const m of text.matchAll(HOST_RE)) {
    // A host name stands for its site: `static.crates.io` is crates.io.
    const host = normaliseService(m[1]).split('.').slice(-2).join('.');
    if (/^(?:github\.com|gitlab\.com|example\.com|twitter\.com|google\.com)$/.test(host)) continue;
    add(COMPONENTS[host] ?? host);
  }
  return counts;
}
