/**
 * Word lists for blame analysis. Lower case; the analysis compares lemmas or lower-cased text. The lists name
 * kinds of words (roles, systems, harms, judgments), never whole sentences.
 */
import { SLIP_NOUNS } from './lexicon/conduct-words';
import { WORDNET_JUDGMENT_WORDS } from './lexicon/judgment-words';
import { PERSON_NOUNS } from './lexicon/person-nouns';
import { BRAND_WORDS } from './lexicon/products';

const words = (s: string) => new Set(s.trim().split(/\s+/));

/** Nouns for people by their role or relation to the work (lemma, singular). */
export const ROLE_NOUNS = words(`
  engineer developer dev devs programmer coder sre swe sysadmin administrator dba responder oncall on-call
  on-caller oncaller reviewer approver author committer contributor maintainer ic commander coordinator
  lead tech-lead teammate colleague coworker co-worker contractor consultant vendor intern trainee newcomer
  hire junior senior architect analyst tester qa technician specialist staff staffer employee person human
  people individual someone somebody member members folk folks team squad crew group department org
  organisation organization management leadership manager director vp cto ceo executive supervisor boss owner releaser deployer
  approvers scribe facilitator investigator moderator support-engineer agent customer client-admin
  office desk helpdesk help-desk servicedesk requester requestor submitter assignee implementer pm po product-owner scrum-master designer researcher writer editor volunteer student partner
  firefighter duty-engineer shift oncaller dri captain pilot driver worker user admin operator
  noc soc sde sdet tpm ciso cio cso coo cfo tam csm tse nocs socs tech techs support
`);

/** Role acronyms that name a team or a desk rather than one person ("the NOC", "SOC"). */
export const GROUP_ACRONYMS = words('noc soc nocs socs');

/** Role nouns that are also common system nouns: a person only without a technical modifier. */
export const AMBIGUOUS_ROLE_NOUNS = words(`
  operator manager agent owner lead user admin worker driver captain pilot shift client partner group member
  members org customer support
`);

/** Modifiers that make an ambiguous role noun a person ("release manager", "support agent", "human operator"). */
export const PERSON_MODIFIERS = words(`
  release support incident project product engineering account human on-call oncall duty shift team program
  delivery change site database network systems security customer service-desk helpdesk help-desk call-center
  sales field night day weekend primary secondary backup tier-1 tier-2 l1 l2 l3 senior junior lead new
  experienced former admin storage payments platform infra infrastructure ops devops sre qa test sysadmin
  tech technical vendor desktop it-support 24x7 24/7
`);

export const PERSON_PRONOUNS = words(`
  i me we us you he him she her they them someone somebody anyone anybody everyone everybody whoever nobody
  noone myself ourselves himself herself themselves yourself yourselves one
`);

/** Pronouns that deny an agent ("nobody is to blame"). */
export const NEGATIVE_PRONOUNS = words('nobody noone none');

/** Outsiders whose actions a blameless review need not soften. */
export const ADVERSARY_NOUNS = words(`
  attacker attackers adversary adversaries hacker hackers phisher phishers scammer scammers spammer spammers
  intruder intruders actor actors thief thieves criminal criminals botnet malware
`);

/**
 * Products, services and tools that people write about as actors, some of which look like given names.
 * Lower case; multi-word names are matched by their first word.
 */
export const PRODUCTS = words(`
  jenkins travis hudson cassandra harvey zuul argo argocd helm vault consul nomad terraform packer vagrant
  ansible puppet chef salt saltstack pulumi sentry grafana prometheus alertmanager thanos cortex mimir loki tempo
  jaeger zipkin kibana logstash elasticsearch opensearch fluentd fluentbit vector splunk datadog honeycomb
  lightstep newrelic dynatrace appdynamics nagios icinga zabbix pingdom statuspage pagerduty opsgenie victorops
  kafka zookeeper rabbitmq activemq pulsar nats redis memcached varnish haproxy nginx envoy istio linkerd
  traefik caddy apache tomcat jetty kubernetes k8s kubelet kubectl kube-proxy coredns etcd docker podman
  containerd cri-o rancher openshift mesos marathon spinnaker tekton buildkite circleci drone concourse bamboo
  teamcity gitlab github bitbucket gerrit phabricator renovate dependabot snyk sonarqube artifactory nexus
  harbor quay postgres postgresql mysql mariadb mongodb mongo cockroachdb cockroach dynamodb bigtable bigquery
  spanner aurora rds redshift snowflake clickhouse druid pinot presto trino hive hadoop hdfs spark flink storm
  airflow dagster luigi prefect celery sidekiq resque rq temporal cadence lambda fargate ecs eks gke aks aws
  gcp azure cloudflare fastly akamai cloudfront route53 s3 ec2 gce heroku netlify vercel fly render digitalocean
  linode hetzner ovh okta auth0 keycloak ldap jira confluence slack zoom teams discord mattermost opsgenie
  hubot lita errbot atlantis argo-rollouts flagger flux fluxcd keda karpenter velero kyverno gatekeeper opa
  falco cilium calico flannel weave metallb certbot letsencrypt cert-manager external-dns sops
  chrome firefox safari android ios windows linux ubuntu debian centos rhel alpine macos systemd cron
  git npm yarn pip maven gradle cargo bazel make cmake webpack babel eslint prettier node deno java python go
  ruby rails django flask spring laravel react angular vue nextjs graphql grpc mastodon sidekiq puma unicorn
  gunicorn uwsgi passenger pgbouncer patroni stolon vitess proxysql orchestrator debezium kafka-connect
  logrotate rsync backup cloudwatch stackdriver xray pgbackrest barman wal-g wal-e minio ceph rook gluster nfs
  crowdstrike tailscale wireguard openvpn firezone boskos prow tide crier hook sinker deck plank horologium
  crates docsrs rustup pypi warehouse homebrew iasql typeorm hachyderm dfds
  siri alexa cortana copilot clippy
`);

/** Nouns that name software, machines or artefacts, so a phrase headed by one is a system. */
export const SYSTEM_NOUNS = words(`
  bot robot system service server host node cluster pod container job cronjob cron task pipeline workflow
  script tool tooling automation controller scheduler autoscaler balancer load-balancer proxy gateway router
  daemon process thread worker queue broker consumer producer database db replica primary secondary shard
  cache index table api endpoint client library sdk app application deploy-bot integration webhook hook
  alert alerting monitor monitoring check probe health-check dashboard pager rule config configuration
  setting flag feature-flag certificate cert key secret token dns resolver firewall waf cdn network disk
  volume bucket storage backup kernel os image build ci cd test tests suite linter compiler runtime
  version release deployment rollout canary operator agent plugin module package dependency migration
  schema query batch cleanup backfill logic code commit patch change pr algorithm model heuristic analysis
  limiter breaker circuit-breaker retry retries timeout mechanism component subsystem platform infrastructure
  infra framework instance vm machine hardware device terminal console cli ui interface prompt page graph
  metric metrics log logs logging exporter collector sidecar mesh registry repo repository branch field
`);

/** Verbs that describe harm or failure, or actions that destroy (lemmas). */
export const HARM_VERBS = words(`
  break take-down bring-down knock-out knock-over crash corrupt delete drop wipe truncate destroy kill overload
  saturate exhaust fill lock block leak expose introduce cause trigger disable remove revoke brick erase purge
  overwrite clobber nuke flood spam deadlock stall stop halt reject refuse double-charge overcharge lose fail
  mis-route misroute misconfigure misconfig hose torch force-push evict orphan double-bill overbill deauthenticate
  black-hole blackhole unplug crashloop crash-loop starve terminate collide discard hammer
`);

/**
 * Verbs of a system failing, said without an object ("the cluster partitioned", "the workers hung"): the outcome
 * in a clause that follows a person's action. Only there: several have neutral transitive senses ("partitioned
 * the table").
 */
export const FAILURE_OUTCOMES = words(`
  partition partitioned hang hung freeze froze frozen panic panicked wedge wedged flap flapped thrash thrashed
  degrade degraded choke choked die died overflow overflowed explode exploded collapse collapsed buckle buckled
  timeout time-out diverge diverged desync desynced oom oomed segfault segfaulted brownout stall stalled
  disappear disappeared vanish vanished
`);

/** Nouns and adjectives that describe a failure or a bad outcome. */
export const HARM_WORDS = words(`
  outage downtime incident failure failures error errors 5xx 500s 502s 503s 504s bug bugs regression leak
  loss data-loss breakage breaking broken bad faulty buggy untested unreviewed wrong incorrect outdated stale
  malformed invalid stampede meltdown disruption degradation degraded down offline unavailable broke
  double-charged duplicate duplicated twice catastrophic damage damaged corrupted corruption typo mistake
  deleted dropped wiped truncated lost crashed rejected blocked exposed leaked sideways awry haywire exposure
  malicious expired erroneous ransomware malware phishing breach breached intrusion exfiltration overwrote overwritten
  unreachable inaccessible unresponsive unusable storm storms cascade cascading timeouts timed-out crashlooped
  crash-looped crashlooping lapsed starved collided swapping
`);

/** Verbs of remedy, diagnosis and communication: a person doing these is not the agent of the harm. */
export const REMEDY_VERBS = words(`
  restore recover fix mitigate resolve revert roll-back rollback identify find diagnose notice spot discover triage
  confirm investigate escalate page call post update announce communicate report ask help propose suggest
  declare open acknowledge ack coordinate lead own review approve catch detect debug trace track monitor
  verify validate check test explain describe share document write note thank answer respond reply join
  restart reboot failover fail-over drain scale patch renew reissue deploy-fix hotfix mention tag cc assign determine realize
  realise learn figure conclude suspect believe think observe see look clean clean-up cleanup dig watch wake join
  replace rotate
`);

/** Judgment words about conduct, by lemma or lower-case form. */
export const JUDGMENT_WORDS = words(`
  ${WORDNET_JUDGMENT_WORDS}
  careless carelessly carelessness sloppy sloppily sloppiness negligent negligently negligence lazy lazily
  laziness reckless recklessly recklessness incompetent incompetently incompetence irresponsible irresponsibly
  irresponsibility unprofessional unprofessionally blindly thoughtless thoughtlessly heedless heedlessly
  inexcusable inexcusably inattentive inattention complacent complacency cavalier cowboy amateurish stupid
  stupidly idiotic foolish foolishly clueless shoddy shoddily half-assed lax laxity dereliction
  slapdash slipshod shambolic shambles ham-fisted hamfisted cack-handed heavy-handed half-baked half-arsed bungled
  bungling botched bodged gung-ho blasé blase laissez-faire lackadaisical overconfident overconfidence arrogance
  arrogant indifference indifferent dismissive dismissively wilful wilfully willful willfully rookie amateur
  idiot idiots moron morons boneheaded numpty muppet clown clowns unforgivable disgraceful shameful
  embarrassed lazybones slacker slackers shirk shirked shirking
`);

/** Verbs of ignoring that, with a warning as object, judge a person ("ignored the alerts"), by lemma or form. */
export const IGNORE_VERBS = words('ignore dismiss disregard');

/**
 * Verbs of diligence: the checks a person is expected to make. "did not check", "didn't test", "never verified" with
 * a person as subject say what "failed to check" says.
 */
export const DILIGENCE_VERBS = words(
  'check double-check verify validate test confirm review notice catch update read follow inform notify communicate escalate consult',
);

/** Verbs of failing to act ("forgot to", "overlooked", "missed"), by lemma or form. */
export const FAILURE_VERBS = words('forget neglect omit overlook misjudge misread miss');

/** Technical senses of judgment words ("lazy loading", "sloppy quorum"): the word after, or before. */
export const JUDGMENT_TECHNICAL_NEXT = words(`
  loading load loaded loads evaluation evaluated initialization initialisation init initialized initialised
  instantiation deletion expiry expiration eviction binding bindings import imports fetch fetching iterator
  sequence sequences computation val property properties allocation parsing rendering hydration mode quorum
  quorums consistency matching match regex quantifier
`);

/** Objects of "ignore/dismiss" that make it a judgment about a person ("ignored the warnings"). */
export const IGNORED_OBJECTS = words(`
  warning warnings alert alerts alarm alarms page pages error errors test tests check checks advice policy
  policies process procedure procedures runbook runbooks feedback concern concerns failure failures signal
  signals red flag flags prompt prompts message messages instruction instructions guideline guidelines freeze
  review reviews notification notifications recommendation recommendations pager pagers
`);

/** Participles of human work: a passive "should have been <this>" implies a person ("should have been caught"). */
export const HUMAN_ACTIVITY_PARTICIPLES = words(`
  catch caught test tested review reviewed stop stopped halt halted escalate escalated declare declared check
  checked verify verified validate validated notice noticed spot spotted flag flagged question questioned
  approve approved reject rejected communicate communicated handle handled roll-back rolled-back revert reverted
  fix fixed address addressed investigate investigated start started deploy deployed plan planned
  coordinate coordinated prioritise prioritised prioritize prioritized follow followed read considered consider
  raise raised report reported announce announced skip skipped ignore ignored miss missed overlook overlooked
  update updated renew renewed
`);

/** Head nouns of human work: "if the review had been done", "the deploy should have been stopped". */
export const HUMAN_PROCESS_NOUNS = words(`
  review reviews testing test tests deploy deployment change rollout rollback decision call choice work
  investigation analysis escalation response handling communication planning migration release approval
  process procedure
`);

/** Participles and adjectives of avoidable outcomes ("could have been avoided"). */
export const AVOIDED = words(
  'avoid avoided prevent prevented mitigate mitigated caught catch spotted noticed detected',
);

/** Verbs of perception and knowing: "anyone would have seen", "should have known". */
export const HINDSIGHT_VERBS = words(`
  see seen notice noticed know known realize realized realise realised spot spotted catch caught find found
  recognize recognized recognise recognised understand understood predict predicted anticipate anticipated
  foresee foreseen expect expected
`);

/** Words that make "could have" about the size of an impact, not about a person's choice. */
export const IMPACT_WORDS = words(`
  impact affect affected last lasted worse longer larger bigger severe catastrophic lose lost exposed
  exposure damage cost spread escalate escalated reach reached harm hurt much far more later
`);

export const list = (s: string) => s.trim().split(/\s+/);

/** Words as a pattern's alternation, longest first; "_" joins the words of a phrase ("faux_pas"). */
export const alternation = (forms: string[]) =>
  [...new Set(forms)]
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .map((w) => w.replace(/_/g, '[ -]'))
    .join('|');

/** The distinct four-character starts of words, for the cue scan. */
export const startsOf = (forms: string[]) => [...new Set(forms.map((w) => w.slice(0, 4).replace(/_/g, ' ')))];

/** Names of a human slip: WordNet's (lexicon/conduct-words.ts) and the spellings it lacks. */
const SLIP_FORMS = [
  ...list(SLIP_NOUNS),
  ...list(`typo typos misjudgment misjudgments misjudgement misjudgements misclick misclicks mis-keying miskeying goof goofs
    slipup slipups mixup mixups misoperation misoperations mis-operation mis-operations maloperation
    maloperations wrong_operation wrong_operations incorrect_operation incorrect_operations improper_operation
    improper_operations`),
];
/** A pattern's alternation of every name of a human slip: "blunders", "slip-up", "faux pas", "misclick". */
export const SLIP = `(?:${alternation(SLIP_FORMS)})`;
/** `SLIP` without "error", which systems make too: "a mistake on our side" is a person's, "an error on our side" may not be. */
export const PERSONAL_SLIP = `(?:${alternation(SLIP_FORMS.filter((w) => !/^errors?$/.test(w)))})`;
/** The starts of the names of a slip, for the cue scan. */
export const SLIP_STARTS = startsOf(SLIP_FORMS);

let personNounSet: ReadonlySet<string> | undefined;

/** Nouns that name a person (WordNet's noun.person, generated: lexicon/person-nouns.ts), built on first use. */
export function personNouns(): ReadonlySet<string> {
  personNounSet ??= words(PERSON_NOUNS);
  return personNounSet;
}

/**
 * Whether a lower-case noun (lemma or singular) names a person by role: the hand list, or a WordNet person noun that
 * is no system noun, product or adversary ("contractor", "technician", "apprentice").
 */
export function isRoleNoun(word: string): boolean {
  return (
    ROLE_NOUNS.has(word) ||
    (personNouns().has(word) && !SYSTEM_NOUNS.has(word) && !PRODUCTS.has(word) && !ADVERSARY_NOUNS.has(word))
  );
}

let brands: ReadonlySet<string> | undefined;

/** One-word brand names (simple-icons), besides PRODUCTS: capitalised words that are products, not people. */
export function brandWords(): ReadonlySet<string> {
  brands ??= words(BRAND_WORDS);
  return brands;
}
