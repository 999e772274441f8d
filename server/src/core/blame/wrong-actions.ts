// Phrases that mark what a named person did as the wrong action, when no word of harm says so: the wrong target,
// a change without the usual checks, secrets or data put in public, effects on customers (read by harmIn).

/** Phrases that mark an action as the wrong one. */
export const WRONG_ACTION = [
  /\binstead of\b/i,
  /\bby (?:mistake|accident)\b/i,
  /\b(?:accidentally|mistakenly|inadvertently|unintentionally|erroneously)\b/i,
  /\bwithout (?:first )?(?:updating|testing|checking|reviewing|telling|notifying|verifying|a review|review|approval|asking|announcing|warning|waiting)\b/i,
  // Any step left out ("without lowering the TTL", "without draining the node"), but not an effect avoided ("without
  // losing data", "without affecting customers") or a need spared ("without needing a restart").
  /\bwithout (?:first )?(?!(?:losing|dropping|affecting|impacting|breaking|interrupting|causing|disrupting|harming|hurting|degrading|triggering|exposing|leaking|corrupting|needing|requiring|having|waking|paging|touching|blocking|locking|stopping|failing|rejecting|deleting|crashing|exhausting|saturating|overloading|any|incident)\b)[a-z]+ing\b/i,
  // A thing done wrongly, said by the verb: "mislabelled the shards", "mistyped the host", "misread the graph".
  /\bmis-?(?:label|type|key|configur|set|read|nam|classif|enter|spell|direct|rout|appl|sort|tag|wir|point|handl|calculat|plac|order|allocat|match|select|copi|copy|paste)\w*/i,
  // Every record zeroed: "priced every international call at zero", "set all balances to 0".
  /\b(?:every|all)\b[^.;]{0,50}\b(?:to|at) (?:zero|0|null|nothing)\b/i,
  // A safeguard skipped: "skipped the canary", "bypassed the two-person rule", "shipped straight to prod".
  /\b(?:skip(?:ped|ping|s)?|bypass(?:ed|ing|es)?|circumvent(?:ed|ing|s)?|overr(?:ode|idden|iding)|side-?stepp?(?:ed|ing)?) (?:the |a |an |all |our |every )?(?:[\w-]+ ){0,2}(?:canary|canaries|review|reviews|tests?|checks?|staging|approvals?|runbook|change (?:process|policy|freeze)|safeguards?|guardrails?|two-person rule|ci|pipeline|linter|validation|dry[- ]run|checklist|rollout plan)\b/i,
  /\bstraight (?:in)?to prod(?:uction)?\b/i,
  // A value that stops everything: "set the TTL to zero", "scaled the cluster to zero", "throttled the API to 0".
  /\b(?:set|sets|setting|scaled?|scaling|throttled?|throttling|reduced|capped|lowered|cut)\b(?![^.;]{0,40}\b(?:errors?|failures?|backlog|lag|latency|debt|alerts?|retries|incidents?)\b[^.;]{0,10}\bto (?:zero|0)\b)[^.;]{0,40}\bto (?:zero|0)\b/i,
  // Secrets made public or logged: "published the secrets", "committed the API keys", "logged the tokens".
  /\b(?:publish|post|past|commit|upload|shar|expos|print|log|push)(?:ed|ing|es|s|e)? (?:the |our |all |his |her |their |its )?(?:[\w-]+ )?(?:secrets?|credentials?|passwords?|api keys?|private keys?|access tokens?|tokens)\b/i,
  // Everyone at once: "logged everyone out", "kicked all users off".
  /\b(?:log|lock|kick|sign)(?:ged|ed|s)? (?:every(?:one|body)|all (?:users|customers|players|members|clients|sessions)) (?:out|off)\b/i,
  // Traffic sent to the wrong place: "pointed DNS at the old cluster", "routed payments to the decommissioned region".
  /\b(?:point|rout|sen|direct|switch|aim|mov|repoint)(?:ed|t|ing|es|s)?\b[^.;]{0,30}\b(?:at|to) (?:the |a |an )?(?:old|wrong|stale|deprecated|decommissioned|retired|dead)\b/i,
  // A safeguard turned off: "turned off the alerts", "commented out the health check".
  /\b(?:turn(?:ed|ing|s)?|switch(?:ed|ing|es)?|comment(?:ed|ing|s)?|shut(?:ting|s)?) (?:off|out) (?:the |all |our |every |his |her )?(?:[\w-]+ )?(?:alerts?|alerting|health ?checks?|monitoring|monitors?|paging|pager|tests?|validation|backups?|rate[- ]?limit(?:er|ing)?s?|firewall|auth(?:entication)?|mfa|2fa|guardrails?|safeguards?|circuit[- ]breakers?|replication|audit(?:ing)?|alarms?)\b/i,
  // A change at the worst time: "upgraded the kernel during peak traffic".
  /\bduring (?:the )?(?:peak|busiest|black friday|the sale|business hours|market hours|trading hours)\b/i,
  // Performance made worse: "doubled the latency", "spiked the error rate".
  /\b(?:doubled|tripled|quadrupled|spiked|tanked)\b[^.;]{0,20}\b(?:latency|latencies|error rates?|p99|p95|response times?|cpu|load)\b/i,
  // A thing done to everyone: "paged everyone", "emailed every customer".
  /\b(?:paged|woke|emailed|texted|spammed)\s+(?:every(?:one|body)|all (?:of )?(?:the )?(?:on-?calls?|customers|users|engineers))\b/i,
  // A measure that went the wrong way by a number: "organic traffic fell 60%", "replica lag reached six hours",
  // "the weekend cost about $19,000".
  /\b(?:fell|plunged|plummeted|tanked|collapsed|soared|ballooned|skyrocketed)\b[^.;]{0,20}?\b(?:by )?\d[\d,.]*\s*(?:%|percent)/i,
  /\b(?:lag|latency|latencies|p99|p95|queue|backlog|error rate|bill|cost|spend)\b[^.;]{0,20}\b(?:reached|hit|grew to|climbed to|rose to|jumped to|went (?:up )?to)\b/i,
  /\bcost (?:us |the company |about |roughly |nearly |over |around |some )*(?:\$|€|£)\s?\d/i,
  // What the change took from people: "meant nobody could VPN in", "meant customers couldn't pay".
  /\bmeant (?:that )?(?:nobody|no one|no-one|none of (?:us|them)|(?:we|they|customers|users|clients|players|members|staff|engineers|people) (?:could(?:n['’]t| not)|were unable|had no))\b/i,
  // Connectivity taken away: "cutting egress for 25 minutes", "cut off access to the VPN".
  /\bcut(?:ting|s)? (?:off )?(?:all |the |our )?(?:egress|ingress|traffic|access|power|connectivity|network|internet|dns|outbound|inbound)\b/i,
  // Capacity used up: "the node pool ran out of IP addresses".
  /\b(?:ran|run|running|runs) out of\b/i,
  // A destructive command named as what was run: "ran DROP TABLE orders", "rm -rf /var/lib/etcd".
  /\b(?:DROP (?:TABLE|DATABASE|SCHEMA|INDEX)|TRUNCATE(?: TABLE)?|DELETE FROM|FLUSHALL|FLUSHDB)\b|\brm -rf\b|\b(?:terraform destroy|kubectl delete|git push (?:-f|--force))\b/,
  // Everyone or everything at once lost access or state: "invalidated all API tokens", "logged out every user",
  // "zeroed half of the balances".
  /\b(?:invalidat|expir|reset|zero|zeroed|wip|revok|disconnect|unsubscrib|deauthenticat|capp|throttl|(?:log|lock|kick|sign|shut)(?:ged|ed|ging|ting|ing|s)? (?:out|off))\w* (?:out )?(?:every|all(?: of)?(?: the| our)?|the (?:whole|entire)|half (?:of )?(?:the |our )?|each)\b/i,
  /\bagainst (?:the )?prod(?:uction)?\b/i,
  /\bwrong\b/i,
  // A remedy aimed at what was working: "ran the failover playbook against the healthy primary".
  /\bagainst (?:the |a |an )?(?:healthy|working|live|good|active)\b/i,
  /\b(?:restart|reboot|kill|drain|delet|wip|stopp|shut|promot|demot|fail|deregist|unplug|detach|disabl|remov)\w* (?:over |down )?(?:the |a |all )?(?:healthy|working|good)\b/i,
  // A change nobody planned: "the unscheduled chaos experiment", "an unannounced config push".
  /\b(?:unscheduled|unannounced|unplanned|unapproved|unauthori[sz]ed|unsanctioned|impromptu)\b/i,
  // Production data or secrets put where they do not belong: "uploaded the production .env file to the public bucket".
  /\b(?:secrets?|credentials?|passwords?|\.env|api keys?|connection strings?|private keys?)\b[^;]{0,40}\b(?:to|into|onto|in|on) (?:a |an |the |our |his |her |their )?(?:public|staging|test|personal|shared|world-readable)\b/i,
  /\b(?:prod(?:uction)?|live|customer|private)\b[^;]{0,40}\b(?:to|into|onto|in|on) (?:a |an |the |our |his |her |their )?(?:public|personal|world-readable)\b/i,
  // Housekeeping that took what something still needed: "…, including the one the ingestion service needed".
  /\bincluding (?:the )?(?:one|ones)\b[^.;]{0,40}\b(?:needs?|needed|uses?|used|rel(?:y|ies|ied) on|depends? on|depended on|required)\b/i,
  // Data sent to the wrong person: "emailed each applicant's decision to a different applicant".
  /\bto (?:a |an |the )?(?:different|another|other) (?:customer|user|applicant|patient|client|person|account|tenant|recipient)s?\b/i,
  // Cover removed: "edited the rota so that nobody was on call".
  /\bso that (?:nobody|no one|nothing|none)\b/i,
  // An effect on customers' money or access, in a relative clause: "the change that charged Canadian customers…".
  /\b(?:that|which) (?:then )?(?:charged|billed|overcharged|double-charged|locked out|logged out|exposed|unsubscribed)\b[^.;]{0,30}\b(?:customers|users|clients|subscribers|merchants|patients|members|accounts)\b/i,
];
