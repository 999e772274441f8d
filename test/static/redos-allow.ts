// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the entries quote source text, placeholders included.
// The exceptions of redos.test.ts: patterns recheck finds super-linear, and patterns built at run time, each with
// why it cannot hold the linter. Keyed by file and exact pattern source (or `new RegExp(…)` expression); a file
// ending in / with the pattern * covers every pattern below that folder.
export interface Allowed {
  file: string;
  pattern: string;
  reason: string;
}

export const REDOS_ALLOWED: Allowed[] = [
  {
    file: 'server/src/core/slo/share.ts',
    pattern:
      "new RegExp( `(?:~|≈|about\\\\s|around\\\\s|approximately\\\\s|roughly\\\\s|nearly\\\\s|almost\\\\s|over\\\\s|up\\\\sto\\\\s)?\\\\b(\\\\d{1,3}(?:\\\\.\\\\d{1,4})?)\\\\s?(?:%|\\\\s?percent\\\\b|\\\\s?per\\\\scent\\\\b)${EMPHASIS}\\\\s+(?:of\\\\s+)?${BETWEEN}${UNIT}\\\\b`, 'i', )",
    reason:
      'The share as a percent ("5% of checkout requests"): built once from constants (the unit word list, at most three words between, each of at most 24 characters); every quantifier is bounded but the whitespace runs, which sit between non-space tokens, so it is linear.',
  },
  {
    file: 'server/src/core/slo/share.ts',
    pattern:
      "new RegExp( `\\\\b(half|(?:a|one)[\\\\s-]third|two[\\\\s-]thirds|(?:a|one)[\\\\s-]quarter|three[\\\\s-]quarters|(?:a|one)\\\\s+fifth|(?:a|one)\\\\s+tenth|one\\\\s+in\\\\s+(\\\\d{1,5})|(\\\\d{1,5})\\\\s+(?:in|out\\\\s+of)\\\\s+(\\\\d{1,6}))\\\\s+(?:of\\\\s+)?${BETWEEN}${UNIT}\\\\b`, 'i', )",
    reason:
      'The share as a fraction ("a third of users", "one in 20 checkouts"): built once from constants (fraction words, the unit word list, at most three words between, each of at most 24 characters); bounded quantifiers and whitespace runs between non-space tokens, linear.',
  },
  {
    file: 'server/src/core/slo/share.ts',
    pattern:
      "new RegExp( `\\\\b(?:all|100\\\\s?%\\\\s+of)\\\\s+(?:of\\\\s+)?(?:our\\\\s+|the\\\\s+)?(?:[\\\\w-]{1,24}\\\\s+)?${UNITS}\\\\b|\\\\bevery\\\\s+(?:[\\\\w-]{1,24}\\\\s+)?${UNIT}\\\\b|\\\\b(?:complete|total|full)\\\\s+(?:\\\\w{1,24}\\\\s+)?(?:outage|unavailability|downtime)\\\\b|\\\\b(?:completely|entirely|fully|totally)\\\\s+(?:down|unavailable|unreachable|offline|inaccessible)\\\\b`, 'i', )",
    reason:
      'A total share ("all users", "every request", "a complete outage"): built once from constants (the unit word lists, at most one word between, of at most 24 characters); alternations of literals with bounded quantifiers, linear.',
  },
  {
    file: 'server/src/core/learning/categories.ts',
    pattern: "new RegExp(`(?<![\\\\w-])(?:${cues.map(escapeRe).join('|')})`, 'gi')",
    reason:
      "Built once per taxonomy from cue words (the constant lists, or the config's `categories` keywords, at most 80 characters each by the schema), every one escaped to a literal: one lookbehind of one character and an alternation of literals, linear. Config patterns go to RE2, never here.",
  },
  {
    file: 'server/src/core/learning/services.ts',
    pattern:
      "new RegExp( `(?<![\\\\w.-])(?:${Object.keys(COMPONENTS) .sort((a, b) => b.length - a.length) .map(escapeRe) .join('|')})(?![\\\\w-])`, 'gi', )",
    reason:
      'Built once from the constant component names (escaped literals): one-character lookarounds around an alternation of literals, linear.',
  },
  {
    file: 'server/src/core/blame/',
    pattern: '*',
    reason:
      'Blame detection is owned by issue 9 (the lead), which caps sentence and token length before these patterns and the NLP library run; until then the per-document time budget bounds them. Listed by folder so that its patterns can change without this list.',
  },
  {
    file: 'server/src/core/actions/fields.ts',
    pattern:
      "^\\s*(?:\\[([^\\]\\n]{2,40})\\]\\s*|([A-Z][\\p{L}'-]+(?:\\s+[A-Z][\\p{L}'-]+)?)\\s+(?:to|will|is\\s+going\\s+to|owns)\\s+(?=[a-z])|([A-Z][\\w&/ -]{1,30}?)\\s*:\\s+(?=\\S))",
    reason:
      "Runs on one action item's text; its repetitions are bounded ({2,40}, {1,30}), so the backtracking per start is bounded too.",
  },
  {
    file: 'server/src/core/actions/fields.ts',
    pattern: '(?:\\(([^()\\n]{2,40})\\)|\\[([^[\\]\\n]{2,40})\\]|\\s[–—-]\\s+([^–—\\n]{2,40}))\\s*[.!]?\\s*$',
    reason: "Runs on one action item's text, anchored at its end ($); captures are bounded ({2,40}).",
  },
  {
    file: 'server/src/core/actions/fields.ts',
    pattern:
      '\\]\\((?:https?:\\/\\/|\\/|\\.\\.?\\/)[^)]*\\)|<https?:\\/\\/[^>]+>|(?<![(<])\\bhttps?:\\/\\/[^\\s)>\\]]+|\\]\\[[^\\]]+\\]',
    reason:
      'Runs on one action item\'s text; quadratic only on an item made of thousands of "](" with no closing ")"; the time budget bounds that.',
  },
  {
    file: 'server/src/core/actions/fields.ts',
    pattern: 'new RegExp(re.source, `${re.flags}g`)',
    reason: 'Adds the g flag to the fixed tracking patterns of this file, which are checked above as literals.',
  },
  {
    file: 'server/src/core/impact/figures.ts',
    pattern: "new RegExp(`${APPROX}\\\\d+(?:\\\\.\\\\d+)?\\\\s*(?:%|percent\\\\b|per\\\\s+cent\\\\b)`, 'gi')",
    reason:
      'Built from the fixed word lists of the impact lexicon (numbers, scales, units, affected nouns); runs on one paragraph of the impact section. recheck cannot check a pattern built at run time.',
  },
  {
    file: 'server/src/core/impact/figures.ts',
    pattern:
      "new RegExp( `(?:[$€£¥]\\\\s?\\\\d[\\\\d,.]*${SCALE}|\\\\b\\\\d[\\\\d,.]*${SCALE}\\\\s*(?:usd|eur|gbp|dollars|euros|pounds)\\\\b)`, 'i', )",
    reason:
      'Built from the fixed word lists of the impact lexicon (numbers, scales, units, affected nouns); runs on one paragraph of the impact section. recheck cannot check a pattern built at run time.',
  },
  {
    file: 'server/src/core/impact/figures.ts',
    pattern: '\\berror[-\\s]budget\\b|\\bSLO\\b[^.]{0,40}\\d',
    reason:
      'The only repetition is bounded ([^.]{0,40}): linear with a factor of 40; the fuzzer reports the bound as a polynomial.',
  },
  {
    file: 'server/src/core/impact/figures.ts',
    pattern:
      "new RegExp( `\\\\b(?:p\\\\d{2,3}|latency|response\\\\s+times?)\\\\b[^.]{0,40}?\\\\d+(?:\\\\.\\\\d+)?\\\\s*${TIME_UNIT}\\\\b|[<>~]\\\\s*\\\\d+(?:\\\\.\\\\d+)?\\\\s*(?:ms|s)\\\\b`, 'i', )",
    reason:
      'Built from the fixed word lists of the impact lexicon (numbers, scales, units, affected nouns); runs on one paragraph of the impact section. recheck cannot check a pattern built at run time.',
  },
  {
    file: 'server/src/core/impact/figures.ts',
    pattern:
      "new RegExp( `\\\\b(?:for|lasted|lasting|during|over|took|within|after|about|around|nearly|almost|roughly|approximately|~)\\\\s+(?:the\\\\s+)?(?:first\\\\s+|next\\\\s+|last\\\\s+)?${APPROX}${NUMBER}\\\\s*(?:-\\\\s*\\\\d+\\\\s*)?${TIME_UNIT}\\\\b|\\\\b${NUMBER}\\\\s*(?:-\\\\s*\\\\d+\\\\s*)?${TIME_UNIT}\\\\s+(?:of\\\\s+)?(?:outage|downtime|delay|disruption|degradation|impact|unavailability)\\\\b|\\\\bbetween\\\\s+\\\\S*\\\\d{1,2}:\\\\d{2}\\\\S*\\\\s+(?:\\\\w+\\\\s+){0,3}(?:and|to|-|–)\\\\s+\\\\S*\\\\d{1,2}:\\\\d{2}|\\\\b\\\\d{1,2}:\\\\d{2}\\\\s*(?:-|–|to)\\\\s*\\\\d{1,2}:\\\\d{2}\\\\b|\\\\b(?:${NUMBER})\\\\s+(?:${TIME_UNIT})\\\\b`, 'i', )",
    reason:
      'Built from the fixed word lists of the impact lexicon (numbers, scales, units, affected nouns); runs on one paragraph of the impact section. recheck cannot check a pattern built at run time.',
  },
  {
    file: 'server/src/core/impact/figures.ts',
    pattern:
      "new RegExp(`${APPROX}\\\\b${NUMBER}${SCALE}\\\\+?\\\\s+(?:(?:\\\\w+|[\\\\w-]+)\\\\s+){0,2}${AFFECTED}\\\\b`, 'i')",
    reason:
      'Built from the fixed word lists of the impact lexicon (numbers, scales, units, affected nouns); runs on one paragraph of the impact section. recheck cannot check a pattern built at run time.',
  },
  {
    file: 'server/src/core/impact/figures.ts',
    pattern:
      "new RegExp( `\\\\b${AFFECTED}\\\\b(?:\\\\s*(?:affected|impacted|failed|lost|dropped|delayed))?[^.\\\\d\\\\n]{0,20}?(?:[:=|]|\\\\bwas\\\\b|\\\\bwere\\\\b)\\\\s*${APPROX}\\\\d`, 'i', )",
    reason:
      'Built from the fixed word lists of the impact lexicon (numbers, scales, units, affected nouns); runs on one paragraph of the impact section. recheck cannot check a pattern built at run time.',
  },
  {
    file: 'server/src/core/impact/figures.ts',
    pattern:
      "new RegExp( `\\\\b(?:all|every|no|none\\\\s+of\\\\s+the|zero|nobody|no\\\\s+one)\\\\s+(?:(?:of\\\\s+)?(?:our|the)\\\\s+)?(?:\\\\w+\\\\s+)?${AFFECTED}\\\\b(?!\\\\s+${DEFINED_BY_FAILURE})`, 'i', )",
    reason:
      'Built from the fixed word lists of the impact lexicon (numbers, scales, units, affected nouns); runs on one paragraph of the impact section. recheck cannot check a pattern built at run time. The lookahead (a relative clause of at most five fixed words) is bounded.',
  },
  {
    file: 'server/src/core/impact/figures.ts',
    pattern:
      "new RegExp( `\\\\b(?!(?:19|20)\\\\d\\\\d\\\\b)${NUMBER}\\\\s+(?:(?!(?:we|they|it|you|he|she|i)\\\\b)[\\\\w-]+\\\\s+){1,2}${HARMED}`, 'i', )",
    reason:
      'A count of anything said to be harmed: built once from constants (the number words, at most two words between, each a run of word characters between spaces, and a fixed list of harm phrases), so linear; runs on one sentence or paragraph.',
  },
  {
    file: 'server/src/core/metadata/validate.ts',
    pattern:
      "new RegExp(`^[\"']?${segments[0].replace(/[.*+?^${}()|[\\]\\\\]/g, '\\\\$&')}[\"']?\\\\s*=\\\\s*(.*)$`, 'm')",
    reason: 'Built from one frontmatter key, escaped; anchored at the line start, no nested quantifiers.',
  },
  {
    file: 'server/src/core/model.ts',
    pattern: "new RegExp(`^${fence.replace(/\\+/g, '\\\\+')}[ \\\\t]*$`, 'm')",
    reason: 'Built from the frontmatter fence (--- or +++), escaped; anchored, no nested quantifiers.',
  },
  {
    file: 'server/src/core/timeline/plain.ts',
    pattern: '\\[milestones?\\s*:[^\\]]{0,200}\\]',
    reason:
      'A bounded repetition ({0,200} to {0,2000}): at most that many characters are tried from each "[" or "<", so the time is linear with that factor; the fuzzer reports the bound as a polynomial. Runs on one timeline entry, or one piece of the body (impact/plain-body.ts).',
  },
  {
    file: 'server/src/core/timeline/plain.ts',
    pattern: '!\\[([^\\]]{0,500})\\]\\([^)]{0,2000}\\)',
    reason:
      'A bounded repetition ({0,200} to {0,2000}): at most that many characters are tried from each "[" or "<", so the time is linear with that factor; the fuzzer reports the bound as a polynomial. Runs on one timeline entry, or one piece of the body (impact/plain-body.ts).',
  },
  {
    file: 'server/src/core/timeline/plain.ts',
    pattern: '\\[([^\\]]{1,500})\\]\\([^)]{0,2000}\\)',
    reason:
      'A bounded repetition ({0,200} to {0,2000}): at most that many characters are tried from each "[" or "<", so the time is linear with that factor; the fuzzer reports the bound as a polynomial. Runs on one timeline entry, or one piece of the body (impact/plain-body.ts).',
  },
  {
    file: 'server/src/core/timeline/plain.ts',
    pattern: '\\[([^\\]]{1,500})\\]\\[[^\\]]{0,500}\\]',
    reason:
      'A bounded repetition ({0,200} to {0,2000}): at most that many characters are tried from each "[" or "<", so the time is linear with that factor; the fuzzer reports the bound as a polynomial. Runs on one timeline entry, or one piece of the body (impact/plain-body.ts).',
  },
  {
    file: 'server/src/core/timeline/plain.ts',
    pattern: '\\[\\^[^\\]]{1,200}\\]',
    reason:
      'A bounded repetition ({0,200} to {0,2000}): at most that many characters are tried from each "[" or "<", so the time is linear with that factor; the fuzzer reports the bound as a polynomial. Runs on one timeline entry, or one piece of the body (impact/plain-body.ts).',
  },
  {
    file: 'server/src/core/timeline/plain.ts',
    pattern: '<(https?:[^>]{1,2000})>',
    reason:
      'A bounded repetition ({0,200} to {0,2000}): at most that many characters are tried from each "[" or "<", so the time is linear with that factor; the fuzzer reports the bound as a polynomial. Runs on one timeline entry, or one piece of the body (impact/plain-body.ts).',
  },
  {
    file: 'server/src/core/timeline/lexicon.ts',
    pattern: "new RegExp(source, 'i')",
    reason: 'Built from the fixed word lists of the timeline lexicon: alternations of literal phrases inside \\b…\\b.',
  },
  {
    file: 'server/src/core/timeline/milestones.ts',
    pattern: "new RegExp(`^([\"']?)${escaped}\\\\1[ \\\\t]*[:=][ \\\\t]*(.*?)[ \\\\t]*\\\\r?$`, 'm')",
    reason: 'Built from one frontmatter key, escaped; anchored at the line start; the lazy (.*?) sees one line.',
  },
  {
    file: 'server/src/core/timeline/stamp.ts',
    pattern: "new RegExp(source, 'iy')",
    reason:
      'The timestamp grammar, assembled from fixed pieces and run sticky (y) at one position of one entry: no scan from every start.',
  },
  {
    file: 'server/src/core/timeline/zones.ts',
    pattern: "new RegExp(ZONE_PATTERN, 'i')",
    reason: 'The timezone pattern: an alternation of fixed zone names and offsets, tested on one statement.',
  },
  {
    file: 'server/src/core/timeline/zones.ts',
    pattern: "new RegExp(ZONE_PATTERN, 'gi')",
    reason: 'The timezone pattern: an alternation of fixed zone names and offsets, over one entry.',
  },
  {
    file: 'server/src/lsp/completion.ts',
    pattern: '^(#{1,6})([ \\t]*)([^#]*)$',
    reason: 'Runs on the one line before the cursor (completion, issue 16), anchored at both ends.',
  },
  {
    file: 'server/src/lsp/symbols.ts',
    pattern: "new RegExp(`^([A-Za-z_][\\\\w-]*)[ \\\\t]*${separator}(.*)$`, 'gm')",
    reason: 'Built from the frontmatter separator (: or =); anchored per line, one capture to the end of the line.',
  },
  {
    file: 'server/src/core/actions/fields.ts',
    pattern:
      "\\b(?:owners?|assignees?|assigned\\s+to|responsible|dri|lead|who)\\s*[:=–—-]\\s*([@\\w][\\w .&/@'-]{0,60}?)(?=\\s*(?:[),;|\\]]|$|\\n|\\s[-–—]\\s|\\.\\s))",
    reason:
      'Runs on one action item\'s text; the owner capture is bounded ({0,60}) and the handle pattern has no nested repetition of the same characters beyond one @-handle; the fuzzer reports a quadratic only on items made of thousands of "-/" pairs, which the time budget bounds.',
  },
  {
    file: 'server/src/core/actions/fields.ts',
    pattern: '(?<![\\w.+-])@[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9])?(?:\\/[A-Za-z0-9_-]+)?',
    reason:
      'Runs on one action item\'s text; the owner capture is bounded ({0,60}) and the handle pattern has no nested repetition of the same characters beyond one @-handle; the fuzzer reports a quadratic only on items made of thousands of "-/" pairs, which the time budget bounds.',
  },
  {
    file: 'server/src/core/timeline/extract.ts',
    pattern:
      '\\btime\\s*:\\s*(["\'`])((?:(?!\\1)[^\\\\]|\\\\.)*)\\1\\s*,\\s*(?:\\w+\\s*:\\s*)?(?:\\n\\s*)?(["\'`])((?:(?!\\3)[^\\\\]|\\\\.)*)\\3',
    reason:
      'Reads `time: "…", "…"` pairs from one code block of a timeline (JSON/JS-like entries); quadratic only on thousands of unclosed quotes in that block, which the time budget bounds.',
  },
  {
    file: 'server/src/core/actions/details.ts',
    pattern:
      "new RegExp( `\\\\b(?:priority|prio)\\\\s*[:=]?\\\\s*(${PRIORITY_LEVEL}|[0-4])\\\\b|\\\\b(critical|urgent|highest|high|medium|low|lowest)[- ]priority\\\\b|[[(](${PRIORITY_LEVEL})[\\\\])]|\\\\b(p[0-4])\\\\b`, 'i', )",
    reason:
      "Built from this file's fixed word lists (priority levels, month names), no input; runs on one action item's text, its repetitions are single words and bounded digit runs.",
  },
  {
    file: 'server/src/core/actions/details.ts',
    pattern:
      "new RegExp( `\\\\b(?:due(?:\\\\s+date)?|deadline|eta|target(?:\\\\s+date)?|by|before|until)\\\\s*[:=]?\\\\s*(?:\\\\d{4}-\\\\d{2}-\\\\d{2}|\\\\d{1,2}/\\\\d{1,2}(?:/\\\\d{2,4})?|${MONTH}\\\\s+\\\\d{1,2}(?:st|nd|rd|th)?|\\\\d{1,2}\\\\s+${MONTH}|(?:the\\\\s+)?end\\\\s+of\\\\s+(?:the\\\\s+)?(?:week|month|quarter|year|sprint|q[1-4]|${MONTH})|q[1-4](?:\\\\s*\\\\d{2,4})?|next\\\\s+(?:week|month|sprint|quarter|release))`, 'i', )",
    reason:
      "Built from this file's fixed word lists (priority levels, month names), no input; runs on one action item's text, its repetitions are single words and bounded digit runs.",
  },
  {
    file: 'server/src/core/headings.ts',
    pattern: "new RegExp(`\\\\b${MONTH}\\\\.?\\\\s+\\\\d{1,2}(?:st|nd|rd|th)?(?:,?\\\\s+\\\\d{4})?\\\\b`, 'gi')",
    reason:
      "Built from fixed word lists (month and weekday names) or timeline/zones.ts's ZONE_PATTERN (fixed zone names and offsets with bounded digits), no input; runs on one heading's text.",
  },
  {
    file: 'server/src/core/headings.ts',
    pattern: "new RegExp(`\\\\b\\\\d{1,2}(?:st|nd|rd|th)?\\\\s+${MONTH}\\\\b(?:,?\\\\s+\\\\d{4})?`, 'gi')",
    reason:
      "Built from fixed word lists (month and weekday names) or timeline/zones.ts's ZONE_PATTERN (fixed zone names and offsets with bounded digits), no input; runs on one heading's text.",
  },
  {
    file: 'server/src/core/headings.ts',
    pattern: "new RegExp(`\\\\b${MONTH}\\\\s+\\\\d{4}\\\\b`, 'gi')",
    reason:
      "Built from fixed word lists (month and weekday names) or timeline/zones.ts's ZONE_PATTERN (fixed zone names and offsets with bounded digits), no input; runs on one heading's text.",
  },
  {
    file: 'server/src/core/headings.ts',
    pattern: "new RegExp(`\\\\b${WEEKDAY}\\\\b,?`, 'gi')",
    reason:
      "Built from fixed word lists (month and weekday names) or timeline/zones.ts's ZONE_PATTERN (fixed zone names and offsets with bounded digits), no input; runs on one heading's text.",
  },
  {
    file: 'server/src/core/headings.ts',
    pattern: "new RegExp(ZONE_PATTERN, 'gi')",
    reason:
      "Built from fixed word lists (month and weekday names) or timeline/zones.ts's ZONE_PATTERN (fixed zone names and offsets with bounded digits), no input; runs on one heading's text.",
  },
  {
    file: 'server/src/core/actions/index.ts',
    pattern: "new RegExp(String.raw`^(?:we\\s+)?${PAST}\\b(?!\\s+(?:to|by|that)\\b)`, 'i')",
    reason:
      "Built from this file's fixed PAST alternatives, no input; anchored at the start, its leading run bounded ({3,60}); runs on one action item's text.",
  },
  {
    file: 'server/src/core/actions/index.ts',
    pattern: "new RegExp(String.raw`^[\\w'’ -]{3,60}\\s${PAST}$`, 'i')",
    reason:
      "Built from this file's fixed PAST alternatives, no input; anchored at the start, its leading run bounded ({3,60}); runs on one action item's text.",
  },
];
