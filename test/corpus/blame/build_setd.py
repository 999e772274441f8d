#!/usr/bin/env python3
"""Build setd.tsv: an independent, hand-written evaluation set for the
blameful-wording detector.

Every sentence below was written by hand for this file. Each block holds
lines of the form ``sentence || note``. The script checks nothing beyond
parsing; run check_setd.py afterwards. Output order is shuffled with a
fixed seed so the file is reproducible.

Licence: CC0-1.0.
"""
import io
import os
import random

SEED = 20261207
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "setd.tsv")

BLAME_PERSON = r"""
14:02 @kwame.asante ran the cleanup job against prod instead of staging and the orders table went with it. || handle as agent in a timeline line
Root cause: Chiamaka's migration locked the invoices table for 41 minutes during payroll close. || possessive artefact of a named person as cause
| Cause | Config pushed by Rich Okafor without the feature-flag guard | || table row; name (an English word) as agent
The outage started when Will deleted the wrong DNS zone. || name that is an English word, agent of the failure
Huge thanks to @grace_h for deploying a certificate that expired the same afternoon. || ironic thanks tying a handle to the harm
The commit authored by Tomasz Wiśniewski removed the retry loop, which is what caused the queue backlog. || blame through a person's artefact
Merged by @sunny-park, the PR disabled rate limiting on the public API for three days. || "merged by" handle whose PR is the cause
Basically, Summer broke the build and everyone else spent the night fixing it. || chatty; name that is an English word
Ahmed Al-Farsi accidentally truncated the shipment_events table while testing a script. || softened ("accidentally") but name is still the agent
It was Joy who rotated the shared key without telling the mobile team, so every app login failed. || cleft sentence; name as agent
Audit log shows hkimura issued DROP INDEX on the primary at 03:11, after which checkout latency went vertical. || factual audit-log wording, but a bare username is the agent
Incident cause: B. Mthembu changed the BGP community tags and we lost the Johannesburg peering. || initial plus surname as cause
Per the change record, Aroha Ngata applied the firewall rule that blocked all inbound SMS traffic. || factual, name as causal agent
The regression came in through Lars Eriksson's refactor of the fare calculator. || possessive artefact as cause
14:37 — turns out @dmitri_v flipped the kill switch on the payments gateway by mistake. || handle as agent, cue late in a timeline line
Ben's script is what wiped the staging bucket, and staging was serving prod images. || possessive; name is an English word
Root cause: Babajide, again. || bare name as root cause
Ana Lucía pushed the tax table with a decimal in the wrong place and we undercharged every Peruvian order for six hours. || name as agent
Fault lies with Mehmet Yılmaz, who scheduled the batch reindex during peak exam submissions. || name + fault wording; BLAME_PERSON wins
We traced the corrupted genome index back to the pipeline run kicked off by priya.n@helixbio.example with the wrong reference build. || e-mail address as agent, cue late
Hope restarted the primary database node in the middle of the failover, which is why the replicas diverged. || name that is an English word; action caused the divergence
Contributing factor #1: the load-balancer weights that Chidi edited by hand on Friday. || named person's artefact given as contributing factor
Nice one, @tkoh — the "small tweak" to the cron took down every newsroom publishing queue. || sarcasm tying handle to harm
Sione Taufa's Terraform apply destroyed the NAT gateway in ap-southeast-2. || possessive action as cause
The bad route map was committed by Yuki Tanaka at 22:14 and propagated to all edge routers by 22:20. || passive "committed by NAME" of the bad change
Kindly note that the duplicate payouts were caused by Mr. Emeka Nwosu re-running the settlement file manually. || Nigerian-English register; name as cause
The regulator was informed that the data exposure resulted from an export performed by employee J. Moreau. || formal regulator wording; named employee as cause
Ravi should have double-checked the region before hitting apply, and then none of this happens. || name + hindsight; precedence gives BLAME_PERSON over COUNTERFACTUAL
Honestly Grace was careless with the prod credentials and that's how the token leaked. || name + judgment; precedence gives BLAME_PERSON
Operator error by Fatima Zahra during the rack swap caused the storage array to lose quorum. || name + human error; precedence gives BLAME_PERSON
cause: @ole-nordmann (fat-fingered the replica count to 0) || handle + fat-finger; BLAME_PERSON wins
Why did Marek think it was fine to deploy on a Friday at 5pm? The game servers were down the whole weekend. || rhetorical question naming the agent; BLAME_PERSON wins
Thanks a lot, Jun-ho, for the unreviewed schema change that broke matchmaking. || ironic thanks
The playlist service outage is down to Kofi's hotfix, which skipped the canary stage. || British "down to"; possessive artefact
In the end it was Dolores from billing who imported the CSV twice, doubling every customer invoice. || name as agent
The PR from @lin-xiaoming that bumped the TLS library is where the handshake failures started. || handle's PR as cause
Bartek mistyped the VLAN ID and the whole Kraków depot dropped off the network. || name + slip; BLAME_PERSON wins
Leilani's cleanup script deleted 18,000 booking records that were still in use. || possessive artefact
@rashid99 disabled the alerting rule "temporarily" in March, so we had no page when the disk filled. || handle as agent of a latent condition
09:51 Tunde restarts the wrong cluster; student portal goes dark for all campuses. || timeline; the named action causes the outage (not a neutral remediation)
S.K. approved and merged her own change, and that change is what took the meter-reading API offline. || initials as agent
| Agent: Nikolai P. | Action: ran VACUUM FULL on the ledger DB | Effect: 2 h write outage | || table row naming agent of the outage
The Manchester outage was down to Gaz pulling the wrong power feed in the comms room. || nickname, British English
Our investigation concluded that Anjali Deshmukh's manual override of the dosing schedule caused the lab automation to skip three plates. || formal; possessive action as cause, cue mid-sentence
Rootcause is Mr. Vikram only, he has changed the cron timing without informing the team. || Indian-English register; name as root cause
The account takeover happened because Ifeoma reused her corporate password on a breached forum. || name as agent (not a mere victim)
If Rich hadn't disabled the circuit breaker, the retry storm would never have reached the database. || name + counterfactual; BLAME_PERSON wins
Khalid's DNS change took out e-mail for the whole ministry for most of Tuesday. || public sector; possessive action
@jo.marsh pushed straight to main, bypassing CI, and the broken build shipped to 2M players. || gaming; handle as agent
It's on Mateus — he rebooted the primary while the backup was still running. || "it's on NAME"
Yesterday's delivery-slot meltdown traces straight back to the pricing rule Zainab uploaded with an empty region filter. || retail; cue late in the sentence
Ahh, of course, @mika-k "just cleaned up some unused IAM roles", including the one the ingestion service needed. || sarcasm; handle as agent
The stale cache entries were served because Wei Chen purged the wrong CDN path. || name as agent
Erik Johansson caused the outage by applying an untested kernel patch to all compute nodes at once. || explicit "caused"
git log is clear: the breaking change to the EPUB exporter was authored by Olusegun Bello. || open source; authorship of the breaking change
Sadly, the drop in on-time deliveries last week was Keoni's doing; he reverted the routing weights to the old defaults. || "NAME's doing"
Call it what you like, but Beatriz turned off the backups. || name as agent of the latent failure
@nadia_h's bulk update script moved 40k subscribers onto the wrong tariff. || telecom; possessive handle artefact
According to the access logs, the data was exfiltrated using credentials that Dariusz left in a public gist. || name as cause of the leak, cue late
Cheers, Joy, the midnight hot-patch worked beautifully — right up until it took down the whole ticketing site. || ironic thanks, travel
As per my analysis the outage occurred due to Sri Harsha executing the purge command on live nodes. || Indian-English register
The primary cause was Lwazi's change to the load-shedding schedule API, pushed without a rollback plan. || South African energy context; possessive
Jake reckons it wasn't his fault, but the logs show his deploy landed 30 seconds before the errors began. || Australian register; name tied to cause despite denial
Finding 3: The unencrypted backup was copied to a personal laptop by staff member A. Rahman. || formal finding; passive "by NAME"
Failure was introduced in changeset 4f9e2c by Hiroshi Sato, who removed the null check in the fare parser. || passive "introduced by NAME"
Everything was fine until Mariana decided to "optimise" the nightly ETL and it ran for nineteen hours. || scare quotes, name as agent
@chen.yu bypassed the two-person rule to hotfix the trading engine, and the hotfix halted order matching. || fintech; handle as agent
Long story short, the Lagos warehouse stopped scanning parcels because Adaeze wiped the handheld config profiles. || logistics; name as agent
The broken SAML config came from Ms. Kowalczyk's change ticket CHG-2231, executed without peer review. || formal title + possessive artefact
It was Aziz who forgot to renew the domain, and the patient portal went dark for 36 hours. || name + omission; BLAME_PERSON
Rhys pasted the production connection string into the load-test config, so the load test hammered prod. || name as agent
Contributing cause: T. Nakamura let the signing certificate expire. || initial + surname as contributing cause
The 502s began the moment Ayşe toggled the new ingress class on. || name's action as trigger (HTTP 502 is technical, but name is the agent)
Blame for the corrupted season standings sits squarely with Felipe, who ran the import twice. || explicit blame on a name
All 3,400 parcels were misrouted because Mo set the sort plan to the previous week's version. || short nickname as agent
@aiko-s merged the dependency bump that pulled in the malicious postinstall script. || open source; handle as agent of the compromise
I think Hamid broke it? He was the last one in the router config before the link flapped. || hedged, still names the agent
Emeka, Ben and Sipho jointly caused the outage by running three conflicting migrations at the same time. || several names as agents
From the vendor RCA: the misconfiguration was introduced by your administrator, Mr. Faisal Qureshi, on 4 March. || vendor RCA; passive "introduced by NAME"
Not to point fingers, but the Helm chart that Svetlana rewrote is the thing that broke ingress. || disclaimer does not cancel a named artefact as cause
"""

HUMAN_ERROR = r"""
Root cause: human error during the scheduled firewall change. || classic label-value cause
Category: human (configuration) || classification line
cause class: people || terse classification
| Root cause | Operator slip while editing the routing table | || table row, operator slip
The outage was caused by a fat-finger in the replica count on the checkout deployment. || fat-finger as cause
Classic PEBKAC: the config was typed into the wrong environment. || PEBKAC as cause
This one was layer 8, plain and simple. || layer 8 slang
The incident is attributed to a keying mistake by a warehouse supervisor entering the dispatch cut-off time. || keying mistake by a role as cause
A procedural error by staff resulted in the release of draft exam results to 1,200 students. || education; procedural error by staff
Personnel error was identified as the primary cause of the substation telemetry loss. || energy; formal
We're classifying this as a manual mistake made during the certificate rotation. || manual mistake as classification
The engineer's lapse in entering the wrong subnet mask was the direct cause of the outage. || engineer's lapse given as cause
RCA category: Human Error – Operator || classification
The duplicate wire transfers resulted from a data-entry error by back-office staff. || fintech; staff error as cause
It was a simple user error: the admin selected "all tenants" instead of one. || "user error" as cause, not an API class; minimizer too but HUMAN_ERROR wins
Human error on the part of the on-call engineer led to the primary being demoted. || human error as cause
Ultimately this came down to a mistake by the engineer running the runbook, who skipped step 4. || "mistake by the engineer"
Cause: operator error (wrong volume detached). || operator error
After review, the booking outage was put down to staff error at the Nairobi hub. || staff error, travel
A careless slip by the release manager pushed the beta build to the production track. || slip + careless; HUMAN_ERROR beats JUDGMENT
Had the operator not made that typo, the job would have finished normally; this was a human error, full stop. || human error + counterfactual; HUMAN_ERROR wins
Our initial assessment is that the misconfiguration was the result of human error. || hedged but still a cause
The freeze on card payments traces back to an admin's slip when editing the fraud threshold. || slip by a role as cause, cue late
Type of failure: Human – incorrect manual input into the SCADA historian. || energy; classification
Pure fat-finger: someone typed 1000 where they meant 100 in the throttle config. || fat-finger
The regulator has been notified that the breach arose from an error by a member of staff who e-mailed the file to an external address. || formal; staff error as cause
Chalk it up to a layer-eight fault: someone picked prod in the dropdown. || layer 8 variant; "fault" here is the human-error cue
Honestly it was a human mistake, nothing more; the DBA dropped the wrong schema. || human mistake as cause
Root cause was engineer error during the maintenance window at the Lyon data centre. || engineer error
Misoperation by the on-site technician caused the cooling unit to shut down. || non-native "misoperation" = operator error
Due to wrong operation of the staff, the server was power off. || non-native English; staff error as cause
Kindly be informed that the service disruption was caused by human error on our end. || Nigerian/Indian formal register
The sequence of events began with an operator slip on the ticketing console. || operator slip as initiating cause
It's a layer-8 problem: the VPN profile was pushed to the wrong user group. || layer 8
The downtime was the result of an avoidable human error in the DNS cut-over. || human error + evaluative "avoidable"; HUMAN_ERROR wins
Incident classification: Operator Error / Change Management. || classification
| Category | People – manual step executed out of order | || table; people category
As is too often the case, the trigger was a human slip-up during a routine deploy. || slip-up as trigger
Mistakes by staff at the contact centre meant refunds were issued twice. || staff mistakes as cause
The inquiry concluded that a clerical error by registry staff assigned 300 students to the wrong exam hall. || clerical error by staff
This was user error on the admin side — the retention policy was set to 1 day instead of 1 year. || user error as cause
Root cause analysis identified a technician error in re-cabling the patch panel. || technician error
Cause code HF-02 (human factors: operator slip) was assigned to this event. || operator slip classification
Classic human error, really: wrong tab, wrong cluster. || terse
Oops — operator mistake. The maintenance flag was set on the live pool instead of the drained one. || operator mistake
What brought the stream down for viewers was simply a fat-fingered bitrate setting. || media; fat-finger + minimizer; HUMAN_ERROR wins
At bottom, this incident was caused by a person making an error while editing YAML by hand. || person's error as cause
We had a human error in the pipeline: a developer pasted the staging token into the production secret. || human error as cause
Preliminary finding: error on the part of dispatch staff, who released the loads before the manifest was complete. || logistics; staff error
The mis-tagging of 12,000 sample tubes was a manual error at the accessioning bench. || biotech; manual error
I'll own it: this was my human error, I ran the command in the wrong terminal. || self-attributed human error
Nothing was wrong with the code; it was a human error in the release checklist. || human error as cause
Such kind of human mistakes are leading to the frequent outages of the billing module. || non-native English
The main culprit was human error when the on-call applied the hotfix. || "culprit" + human error
Post-incident review attributes the payment delay to an operator keying error in the value date. || keying error
Cause: PEBKAC (wrong environment selected in the deploy dropdown). || PEBKAC
The mis-shipment was caused by picker error at the Rotterdam cross-dock. || picker = staff; error as cause
We believe the route leak was the result of a typo by a network engineer. || typo by an engineer = slip as cause
The grid frequency alarm was silenced through operator error in the control room. || operator error
Sadly, a slip by one of our moderators unbanned around four hundred accounts. || slip by staff member
Root cause type: Human (procedural non-compliance). || classification
The vaccine cold-chain alert went unanswered due to a staff error in acknowledging the alarm. || staff error, health
Incorrect manual entry by personnel led to the gate assignments being swapped at Terminal 2. || personnel manual entry error
Ja, it was a human error, the tech unplugged the wrong fibre in the Cape Town POP. || South African register
This was a cock-up by one of the ops team, a straightforward human error on a Friday afternoon. || British slang + human error; HUMAN_ERROR wins over judgment
The data loss stemmed from a DBA mistake during the manual failover. || DBA mistake as cause
Insider human error (not malicious) resulted in the exposure of 2,300 learner records. || classification in a breach report
The reason for the failure is the mistake of the engineer who updated the kernel parameters. || non-native; engineer mistake
Root cause: fat-fingered IP in the allowlist. || fat-finger
Layer 8 issue: a contributor force-pushed over the release branch. || open source; layer 8
There was a slip of the hand on the console and the entire shard was marked read-only. || slip as cause
Per the ITIL review, the incident is classified as human error – change implementation. || classification, not quoted or rejected
A mis-key by the fund accounting team priced the unit trust off by a factor of ten. || mis-key by staff
Again a user mistake: the admin uploaded last year's price list. || user mistake as cause
The grounding of the fleet-scheduling system was attributable to a controller's input error. || aviation; input error by a role
The direct cause is a human error in the certificate renewal procedure, and it could have been prevented by reading the runbook. || human error + hindsight; HUMAN_ERROR wins
Error type: human; severity: high; detection: customer report. || label-value classification
It boils down to an engineer's mistake in the Helm values file. || engineer's mistake
Cause class: operator – wrong database targeted. || classification
What we have here is good old-fashioned operator error on the storage controller. || chatty operator error
"""

JUDGMENT = r"""
The migration was botched from start to finish and customers paid for it. || botched
Somebody went full cowboy and hot-patched the payment service in production. || cowboy
The half-baked rollback plan was the real problem. || half-baked, conduct of the planners
The team cut corners on the load test to hit the Black Friday date. || cut corners
Whoever was on call was asleep at the wheel while the disk filled for six hours. || asleep at the wheel
We winged the database upgrade without a rehearsal, and it showed. || self-blame, winged it
Skipping the staging deploy was a rookie move. || rookie move
The contractor showed no regard for the change freeze. || showed no regard
Frankly, the ops team dropped the ball on certificate renewals. || dropped the ball
The slapdash handover between shifts left nobody watching the queue. || slapdash
A lackadaisical attitude to alert hygiene meant the page sat unacknowledged. || lackadaisical
The cavalier way prod credentials were passed around Slack led directly to the leak. || cavalier
I hard-coded my own API key out of sheer laziness, and that key ended up in the public image. || self-blame, laziness
The on-call engineer ignored three warnings before the cluster ran out of memory. || ignored warnings
Nobody bothered to read the deprecation notice. || didn't bother
The developer responsible is at fault for the data exposure. || at fault, unnamed
The release manager is to blame for letting the build through. || to blame, unnamed
It was negligent to run the migration without a backup. || negligent
This was reckless: a schema change on the primary, during peak, with no rollback. || reckless
The network team's incompetence turned a five-minute blip into a four-hour outage. || incompetence
Sheer sloppiness in the vendor's config management caused the drift. || sloppiness (conduct, not sloppy quorum)
The whole change was thrown together at the last minute with zero care. || thrown together, zero care
Whoever approved that PR clearly didn't look at it. || rubber-stamp accusation; "clearly" is also a hindsight cue but JUDGMENT outranks COUNTERFACTUAL
The code review was a rubber stamp, pure and simple. || rubber stamp
Someone got trigger-happy with the delete button. || trigger-happy (conduct, not a technical trigger)
The devs treated the production database like their personal sandbox. || conduct reproach
The operations crew was asleep on the job when the tanker scheduling feed stalled. || asleep on the job
Our handling of the incident was amateurish. || self-blame, amateurish
That kind of shoddy workmanship on the cabling is inexcusable. || shoddy, inexcusable
The admin blatantly disregarded the four-eyes policy. || blatantly disregarded
It was an irresponsible decision to push untested firmware to every meter in the region. || irresponsible
The analyst took a shortcut and brushed aside the data-handling policy. || shortcut, brushed aside
Truly a masterclass in how not to run a migration. || sarcasm about conduct
Whoever wrote this runbook clearly couldn't be bothered to test it. || couldn't be bothered
The platform team played fast and loose with the IAM policies. || played fast and loose
It was pure laziness that the alert thresholds were never tuned. || laziness (conduct, not lazy loading)
The on-site technician was heedless of the lockout procedure. || heedless
The deployer was too lazy to wait for the canary. || lazy
A lax, box-ticking approach to access reviews allowed the stale admin account to survive. || lax, box-ticking
The support lead brushed off the customer reports for two hours. || brushed off reports ~ ignored warnings
Honestly, the vendor's engineers were clueless about their own product. || clueless
We got complacent about backups and paid the price. || self-blame, complacent
The freelancer's work was careless and riddled with shortcuts. || careless
The DBA showed a worrying disregard for the change process. || disregard
Deploying at 4:55 on a Friday was a boneheaded call. || boneheaded
QA waved the build through without so much as opening it. || waved through, conduct reproach
The whole team was negligent in monitoring the certificate expiry dates. || negligent
Nobody took the capacity warnings seriously, as usual. || ignored warnings variant, sarcastic "as usual"
The ops lead was grossly irresponsible in disabling the pager for the weekend. || grossly irresponsible
The migration script was a slapped-together mess that nobody tested. || slapped-together
A lazy copy-paste from the staging config brought the wrong timeouts into production. || lazy as conduct (not lazy loading)
Frankly, the incident response was a shambles. || shambles, self-criticism of conduct
The integrator was sloppy with the HL7 mappings and patient records were mismatched. || sloppy
The contractor half-assed the failover test. || half-assed
It's embarrassing how carelessly the API keys were handled. || carelessly
Some genius decided that disabling TLS verification was a fine workaround. || sarcasm ("some genius")
The admins couldn't be bothered to patch the VPN appliance for eight months. || couldn't be bothered
The change owner turned a blind eye to the failing health checks. || turned a blind eye
Responsibility for this lies with the on-call, who chose to go to bed instead of escalating. || blame on an unnamed role with a conduct verdict
There was a culture of cutting corners on the night shift, and this is what it produced. || cutting corners
The backend team was hopelessly unprepared and clearly out of their depth. || out of their depth
The senior engineer recklessly force-pushed over three days of work. || recklessly
The supplier's technicians were slovenly in their labelling of the breakers. || slovenly
This was gross negligence on the part of the deployment team. || gross negligence
The developer did a hack job on the retry logic. || hack job
The person who approved this change is to blame for the whole outage. || to blame, unnamed
A devil-may-care attitude toward secrets management made this breach inevitable. || devil-may-care
I was sloppy with my own review and let the bug through. || self-blame, sloppy
The contractor just phoned it in. || phoned it in
The night crew was sleeping on the job while the conveyor jammed. || sleeping on the job
The operators blew straight past every warning the console threw at them. || ignored warnings, idiom
Careless handling of the encryption keys by the finance team led to the exposure. || careless
That so-called quick fix was a bodge of the highest order. || British "bodge"
The deployment was rushed through by people who plainly didn't care about the outcome. || didn't care
It was thoughtless to share the root password over e-mail. || thoughtless
The partner's devops crew was a bunch of cowboys. || cowboys
The monitoring team neglected their duties throughout the weekend. || neglected duties
The way the upgrade was executed was shoddy, hasty and unprofessional. || shoddy, unprofessional
To be blunt, the payment squad's half-hearted testing is why customers were charged twice. || half-hearted, cue late
The culprits here are the backend devs who pushed without testing. || "culprits" said of unnamed people (not a culprit commit)
"""

COUNTERFACTUAL = r"""
A staging deploy would have saved us four hours of downtime. || "would have saved" about a path people did not take
The on-call was supposed to escalate after 15 minutes but did not. || supposed to … but did not
The migration needed to have been tested against a production-sized dataset. || needed to have
Nobody thought to check whether the backup actually restored. || didn't think to
In hindsight, the correct move was to roll back immediately. || the correct move was
All anyone had to do was read the error message. || minimizer
Any seasoned engineer would have spotted the missing WHERE clause. || any seasoned engineer would have
Why did nobody check the certificate expiry date? || rhetorical why did nobody
If only the team had waited for the canary results. || if only
Had the on-call acknowledged the first page, the queue would never have backed up. || had the on-call …
The responder failed to notice the replica lag before promoting it. || failed to, person subject
The reviewer missed the hard-coded credential in the diff. || missed, person subject
The team overlooked the timezone setting in the scheduler config. || overlooked, person subject
This should have been caught in review. || passive, implied agent is the reviewer
The engineer should have drained the node before rebooting it. || should have, person subject
The operator could have simply paused the job. || could have + simply
Obviously the change needed a feature flag. || obviously
It would have taken one grep to find the second reference. || minimizer about an easy path
The database admin ought to have taken a snapshot first. || ought to have, hindsight (not forward-looking)
The support agent was meant to verify the caller's identity but didn't. || was meant to … but didn't
Why on earth didn't anyone run the migration on staging first? || rhetorical why didn't anyone
A quick look at the dashboard would have shown the spike straight away. || minimizer + would have
The warehouse team was expected to reconcile the manifests before dispatch, but that step was skipped. || was expected to … but, people
Had anyone read the release notes, the breaking change would have been obvious. || had anyone …
The release should have been held until the security review finished. || passive should have, implied person agent
The deployer just had to wait ten more minutes for the health checks. || just had to
All it took was one extra flag on the command line. || all it took
Someone could have picked up the phone and called the carrier. || could have, person subject
If the analyst had double-checked the column mapping, the report would have been right. || if the analyst had …
Clearly the team needed to test the failover before relying on it. || clearly + needed to (hindsight)
The person on call did not think to look at the DNS records. || did not think to
It was the on-call's job to notice the disk alarm, and they didn't. || supposed-to-and-didn't variant
We should have rolled back at 10:05 instead of debugging live. || self-directed hindsight
I could have caught this if I'd read the diff line by line. || self-directed could have
The pharmacy integration team missed the change in the HL7 version. || missed, team subject
The change ought to have been scheduled outside exam week. || ought to have, hindsight
The fix was simple: bump the timeout. Nobody did. || minimizer
Had the network team checked the MTU, the tunnel would have come up. || had the team …
The ops team failed to renew the domain in time. || failed to, team subject
The SRE on duty didn't think to check the upstream provider's status page. || didn't think to
A second pair of eyes on the change would have prevented this. || would have prevented, about review by people
The engineer simply needed to run with the dry-run flag first. || simply needed to
The data team was supposed to anonymise the export before sharing it with the vendor. || supposed to (implied: did not)
The signs were there on Monday; the team just didn't connect the dots. || hindsight, just
The rollout should never have gone to 100% in one step. || should never have (passive, people decided the rollout)
If the release captain had paused the train, the bad build would have stayed in beta. || if the role had …
The customer-support lead could easily have posted a status update an hour earlier. || could easily have
Obviously someone needed to check the expiry date on the signing key. || obviously
The capacity planners overlooked the end-of-term enrolment surge. || overlooked, people subject
The staff at the depot were meant to switch to the backup scanner and didn't. || meant to … and didn't
Was it really too much to ask for someone to test the restore? || sarcastic rhetorical question about a step not taken; no conduct word, so COUNTERFACTUAL rather than JUDGMENT
A five-minute check of the cron expression would have avoided the double billing. || minimizer + would have
The contributor missed that the function was also called from the CLI. || missed, person subject
The on-call engineers should've escalated to the vendor much earlier. || should've
Why wasn't the config diffed before it was applied? || rhetorical, passive, implied person
The alert should have been acknowledged by the on-call within five minutes. || passive should have with a person agent
Somebody needed to have turned off the auto-scaling policy before the load test. || needed to have
If the team had read the vendor advisory in January, the firewall would have been patched. || if the team had …
The engineer failed to check the replication status before the cutover. || failed to, person subject
In retrospect the operators were expected to follow the manual failover checklist, but they went from memory. || expected to … but
The migration was supposed to be rehearsed on a copy of production first, and it wasn't. || supposed to … and it wasn't (people rehearse)
A simple dry run was all that was needed. || minimizer
The product team should have told the warehouse about the price change. || should have, team subject
Had the duty manager called the bank at 09:00, the payments would have gone out on time. || had the duty manager …
Any experienced operator would have noticed the clock skew. || any experienced X would have
The cutover team overlooked the hard-coded IP in the legacy billing app. || overlooked
The dispatcher could have rerouted the trucks via the A2 as soon as the closure was announced. || could have, person subject
What if the team had just tested on an iPhone before shipping? || rhetorical what-if + just
Surely someone should have noticed the dashboard was flat for an entire day? || surely + should have, rhetorical
The editorial team was meant to check the embargo time before scheduling the article. || meant to (implied: did not)
The admin missed the warning banner on the console. || missed, person subject
If the engineers had just read the logs, they would have seen the OOM kills. || if … just
The rollback should have been triggered by the on-call the moment error rates doubled. || passive should have, person agent named by role
The build owner should have pinned the dependency version. || should have
One glance at the query plan would have told anyone the index was missing. || minimizer
Couldn't the team have waited until after match day to upgrade the game servers? || rhetorical couldn't they have
Proper testing before the release would have caught the regression. || would have caught, people's testing
The pilot schools' IT coordinators failed to apply the content-filter update. || failed to, people subject
Staff should have been warned before the HR system was switched off. || passive should have; the implied agent is whoever had to warn them
The obvious thing to do was to fail over to the secondary region. || obvious + the correct move
"""

OK_HARD = r"""
14:02 @kwabena restarted the ingest workers; queue depth started dropping at 14:05. || hard negative: handle in a remediation step of the timeline
Incident commander: Aisling Murphy (@aisling.m). || hard negative: name and handle as incident commander
Thanks to Grace and Will for staying late to rebuild the search index. || hard negative: sincere thanks; names that are English words
Action item: add a pre-flight region check to the deploy CLI — owner @rich.p, due 30 June. || hard negative: handle as action-item owner
Jenkins failed to pick up the webhook, so the nightly build never started. || hard negative: product named like a person + system-subject failure verb
Travis timed out on the integration suite for the third time this week. || hard negative: CI product named like a person
Cassandra marked two nodes as down after the GC pauses exceeded the phi threshold. || hard negative: product named like a person
The kernel logged a page fault in the NIC driver just before the panic. || hard negative: technical "fault"
We spread replicas across three fault domains, so losing one rack did not affect reads. || hard negative: fault domain
Clients saw a burst of HTTP 500 errors between 10:12 and 10:19. || hard negative: technical "errors"
This incident consumed 38% of the quarterly error budget for the checkout SLO. || hard negative: error budget
The API returned USER_ERROR for malformed postcodes, which is the expected class. || hard negative: "user error" as an API error class
The Postgres operator reconciled the cluster and promoted a new primary. || hard negative: Kubernetes operator, not a person
We used git blame to find when the timeout constant was introduced. || hard negative: git blame
The image gallery relies on lazy loading, which hid the broken thumbnails from synthetic checks. || hard negative: lazy loading
Riak's sloppy quorum let writes succeed on fallback nodes during the partition. || hard negative: sloppy quorum
The performance impact on non-EU customers was negligible. || hard negative: negligible, not negligent
Bisecting the release identified the culprit commit in the serializer upgrade. || hard negative: "culprit commit" is technical
The load balancer should have drained the node before the restart, but the hook timed out. || hard negative: counterfactual about designed system behaviour
The pipeline failed to roll back because the previous artefact had been garbage-collected. || hard negative: system-subject failure verb
Going forward, deploys should go through the canary stage with automatic abort. || hard negative: forward-looking should
Nobody should have to remember to renew certificates by hand; we are automating it. || hard negative: "nobody should have to" means need-to
We deliberately avoid writing "human error" in our reports because it ends the inquiry too early. || hard negative: quoting a trigger phrase to reject it
The phrase "operator carelessness" appeared in the first draft and was removed because it explains nothing. || hard negative: quoted and rejected
Had we not been monitoring replication lag, the corruption would have spread to every replica. || hard negative: what a safeguard prevented
Without the rate limiter, the retry storm could have taken down the whole auth cluster. || hard negative: could have about impact
Anyone on the rota could have restarted the service; the runbook permissions are shared. || hard negative: capability, not hindsight
We would have expected the health check to mark the pod unready within 30 seconds. || hard negative: expectation about system behaviour
The outage could have lasted much longer if the standby link had not come up. || hard negative: counterfactual about impact
Thank you to @oluwaseun-a, who spotted the anomaly in the settlement totals and raised the alarm. || hard negative: thanks to a handle
Mateo was paged at 02:14 and started the failover at 02:21. || hard negative: name in a neutral response step
From Sipho's account: the dashboard showed green, so continuing with the rollout was the reasonable thing to do. || hard negative: first-hand account of local rationality
Author: Dr. Meera Iyer, Platform Reliability. || hard negative: author line
Owner: Hoang Van Minh — add alerting on DLQ depth (P1). || hard negative: action-item owner
Priya Raman's reservations were among the 312 bookings affected by the double charge. || hard negative: named person on the receiving end of the failure
The on-call engineer had been awake for 19 hours by the time the second page came in. || hard negative: fatigue context without a verdict
The confirmation dialog listed both clusters with near-identical names, which made the wrong choice easy. || hard negative: interface context; "wrong choice" attributed to design
The engineer ran the documented command against the cluster selected in their kubeconfig. || hard negative: role plus factual action, no verdict
The retry worker should have backed off exponentially; instead it retried every 50 ms because of a config default. || hard negative: designed system behaviour
@dependabot opened the PR that bumped the library; CI passed and it was auto-merged. || hard negative: bot handle
@here the status page has been updated with the new ETA. || hard negative: group handle
The Hudson executor pool was exhausted by a stuck matrix job. || hard negative: product named like a person
Oracle returned ORA-00060 deadlocks on the ledger table from 11:03. || hard negative: product name, technical error
We asked "what made this action sensible at the time?" rather than "who did this?". || hard negative: quoted question describing the method, rhetorical form not aimed at a person
The review board explicitly rejected the label "staff negligence" as unsupported by the evidence. || hard negative: quoting to reject
Had the circuit breaker not opened, the failing payment provider would have exhausted our connection pool. || hard negative: what a safeguard prevented
If the disk had filled an hour later, the nightly backup could have been lost as well. || hard negative: could have about impact
The nightly job was supposed to skip public holidays by design, but the calendar table had no 2025 entries. || hard negative: "supposed to" about designed system behaviour
Route 53 health checks failed to detect the partial outage because they only probed /ping. || hard negative: system-subject failure verb
Huge thanks to Joy Mensah and the Accra support team for handling 4,000 tickets in a day. || hard negative: sincere thanks (contrast with ironic thanks)
14:40 Hope confirms the rollback is complete and error rates are back to baseline. || hard negative: name that is an English word, remediation step
Will Summers (IC) declared the incident resolved at 16:05. || hard negative: incident commander whose names are English words
Ben from the vendor side joined the bridge at 09:30 and shared their status. || hard negative: name in neutral role
Merged by @tanvir-h after two approvals: adds a guard against empty region filters. || hard negative: "merged by" for the fix
The fix, authored by Chiara Bianchi, adds a schema check before the importer runs. || hard negative: authorship of the remediation
The scheduler is expected to skip locked rows; in this version it waited on them instead. || hard negative: expectation about system behaviour
We would have expected a page at 80% disk usage, but the rule referenced a metric that had been renamed. || hard negative: expectation about alerting
The dashboard shows who acknowledged each alert so that we can measure response times, not to assign blame. || hard negative: "blame" negated
"Root cause: the intern" was the first message in the channel; the review that followed found four contributing conditions instead. || hard negative: quoting a blameful phrase in order to reject it
The certificate should have auto-renewed 30 days before expiry, but the ACME client had crashed in May. || hard negative: designed system behaviour
The failover could have completed in under a minute had the DNS TTL been 60 seconds rather than 3600. || hard negative: counterfactual about system configuration and impact, no person
Kafka's consumer group rebalanced repeatedly, causing duplicate processing. || hard negative: product named like a person, possessive
Alexa skills were unavailable for customers in the EU region. || hard negative: product named like a person
Jarvis, our internal deploy bot, posted the rollback notice at 11:47. || hard negative: bot named like a person
Sentry grouped the exceptions under a single issue, which hid the new error type. || hard negative: product name; technical error
Sophie, the support chatbot, kept sending customers to the broken payment link. || hard negative: chatbot named like a person as subject
A fault-injection test in staging reproduced the deadlock within ten minutes. || hard negative: technical fault
The error rate for the search API stayed within SLO throughout the incident. || hard negative: error rate
The ETL job failed to acquire the lock and exited without writing a checkpoint. || hard negative: system-subject failed to
Anyone with the on-call role can restart the pod; no special access was needed. || hard negative: capability
We'd have expected the CDN to serve stale content during the origin outage, based on the vendor docs. || hard negative: expectation about a product
Had the WAF rule not been in place, the credential-stuffing run would have locked out thousands of accounts. || hard negative: safeguard prevented
Dr Ayodele Ogunleye led the clinical safety review and signed off the remediation plan. || hard negative: name in positive role
Thanks @fer-gomez for writing the restore script that got us back in 40 minutes. || hard negative: thanks to a handle
Action: @kenji.w to document the manual override in the runbook by Friday. || hard negative: action-item owner
Action items should be owned by a team, not an individual, and should have a due date. || hard negative: forward-looking should
Per our blameless policy, we don't ask "who was careless?"; we ask what made the action reasonable. || hard negative: quoting a judgment to reject it
Users who hit the bug saw "User error: invalid session" even though nothing was wrong with their input. || hard negative: error string shown by the system
The trigger for the incident was a certificate expiry on the internal CA. || hard negative: technical trigger
The HR system's "operator" account is a service principal used by the payroll integration. || hard negative: operator as an account name
Ravi's laptop was one of the machines that lost VPN access when the profile changed. || hard negative: possessive name on the receiving end
The culprit process, a runaway log shipper, was consuming 96% CPU. || hard negative: culprit of a process
Thanks, @mehwish, for running comms with the schools while we worked on the fix. || hard negative: sincere thanks
The replica should have taken over in 10 seconds; it took four minutes because of a stale lease. || hard negative: designed behaviour
Reviewers would have had no way to see the generated file in the diff, because it is built at deploy time. || hard negative: local rationality; limit of the tool, not hindsight about conduct
If the queue had not been partitioned, the slowdown could have affected every region. || hard negative: counterfactual about impact
The firmware rollout went to 100% of meters because the percentage field was ignored by the old agent. || hard negative: "ignored" with a system subject
Summer traffic peaked at 3.2x the baseline, which the autoscaler handled. || hard negative: "Summer" as a season, not a name
The page fault rate on the cache hosts doubled after the kernel upgrade. || hard negative: page fault
Per the runbook, Tolga drained the node and Kalinda re-ran the health checks. || hard negative: names performing remediation steps
Grace period for the token was set to 24 hours, which let the revoked session continue. || hard negative: "grace period", system configuration
The crash was triggered by a malformed packet from an upstream peer. || hard negative: technical trigger, no person
"""

OK_PLAIN = r"""
At 09:12 UTC the payment gateway began returning timeouts for card authorisations. || plain factual
The root cause was a connection-pool limit of 20 that was too low for the new traffic pattern. || system cause
Impact: 14% of checkout attempts failed over 47 minutes. || impact line
We are adding a pre-deploy check that compares the target region with the change ticket. || remediation
The change was applied by the on-call engineer following the standard runbook. || hard negative: role plus factual action, no verdict
Detection came from a customer report; our alerts did not cover this path. || detection
| Impact | 2,300 parcels delayed by up to 24 h | || table row
Root cause: a race condition between the cache warmer and the invalidation job. || system cause
Grades were visible to students for about 20 minutes before the portal was put into maintenance mode. || education impact
The tap-in validators on the tram network lost connection to the fare backend at 07:40. || public transport
The runbook step referred to a command that had been renamed in the last release. || process context
A schema migration took an exclusive lock on the orders table for nine minutes. || system
We have since moved the token to the secret store and rotated it. || remediation
The vendor confirmed a firmware bug in the storage controller. || vendor cause
Resolution: traffic was shifted to the Frankfurt region and the Dublin cluster was rebuilt. || resolution
14:22 rollback started. 14:31 error rate back to baseline. || timeline
The incident was detected by the synthetic login probe at 03:02. || detection
The migration script assumed every row had a non-null country code. || artefact assumption, no person
The change had two approvals and passed CI; the failure mode only appeared with production data volumes. || context
Lessons learned: our staging environment does not have enough data to exercise the query planner. || lesson
The matchmaking service exhausted its file descriptors under the weekend tournament load. || gaming system
The meter-reading API returned stale values because the cache TTL was set to 24 hours. || energy system
What went well: the failover to the secondary site worked exactly as designed. || went well
What went wrong: the status page was updated 40 minutes after the start of impact. || passive factual
Where we got lucky: the corrupted batch was never published to downstream partners. || luck
The operator pressed "apply" after the plan output showed no destroy actions on the first screen. || hard negative: role plus factual action with interface context, no verdict
We are changing the deploy tool so that production requires typing the cluster name. || remediation
The lab automation skipped three plates because the scheduler rounded the interval down. || biotech system
Approximately 18,000 subscribers received a duplicate SMS. || telecom impact
The exam platform's autoscaler had a maximum of 40 nodes, which was reached at 09:01. || system limit
The on-call engineer was new to the rotation and had shadowed one shift. || hard negative: experience context, no verdict
The alert was routed to a channel that had been archived during the reorg. || process context
Both runbooks were correct on their own; combined, they left the VIP without a backend. || systemic
Follow-up: make the DR test quarterly and include a full restore. || action item
The decision to continue the rollout was based on the canary dashboard, which was showing the previous build. || hard negative: local rationality, explains why the action made sense
It took us 25 minutes to find the right dashboard, which is itself a finding. || process finding
The routing engine assigned drivers to a depot that had closed at 18:00. || logistics system
The timeline was reconstructed from chat logs, audit logs and interviews with the responders. || method
Mobile clients retried aggressively and amplified the load by a factor of six. || system behaviour
The booking engine double-counted seats on codeshare flights after the fare-class mapping changed. || travel system
The log volume reached 100% at 04:17 and the database stopped accepting writes. || system
The TLS library update removed support for a cipher the bank's gateway still required. || system
The fraud model was retrained on a dataset that did not include the holiday period. || passive factual
There was no single root cause; three conditions had to coincide. || systemic
Customers in Kenya and Uganda could not top up airtime for 2 hours and 10 minutes. || telecom impact
The CMS published articles scheduled for the next day because of a timezone conversion bug. || media system
| Detection | PagerDuty alert on p99 latency, 6 min after onset | || table row
The grid-balancing service lost its feed from the wind-farm telemetry gateway. || energy system
The monorepo's CI cache served a stale artefact built from an older commit. || system
The manual step was the only way to rotate the key at the time; there was no automation. || context
Several people had seen the warning in the logs, but it had been firing for weeks without consequence. || hard negative: people noticed a warning, context given, no 'ignored' verdict
The maintainers released 2.4.1 with a fix within six hours of the report. || open source response
We are grateful to the security researcher who reported the issue through our disclosure programme. || thanks, unnamed
The pull request was reviewed, but the generated code it touched is not shown in the diff view. || tooling context
The database's default statement timeout was unlimited. || configuration
Contributing factor: the feature-flag service and the deploy service disagree on environment names. || systemic factor
This is the third incident this year involving expired certificates, so we are treating it as a pattern. || pattern
Next steps: owners have been assigned for all seven action items and will report at the ops review. || process
The backup job completed, but the restore procedure had not been exercised since 2021. || passive factual
We paused all non-essential deploys until the queue was drained. || response
The dashboard had no panel for consumer lag, so the growing backlog was not visible. || observability gap
Affected: approx. 3,100 learners on the Tuesday morning session. || impact
Summary: a DNS change made during planned maintenance caused 22 minutes of degraded e-mail delivery. || summary, passive
The configuration value was entered as 1000 ms, which the service interpreted as 1000 seconds. || passive, unit mismatch, no verdict
Our understanding of the failure mode is still incomplete, and we will update this document. || uncertainty
The new engineer followed the onboarding doc, which still pointed at the old cluster. || hard negative: experience and documentation context, no verdict
We could not reproduce the issue in staging, which suggests a data-dependent trigger. || investigation
The loader crashed on a UTF-16 file, which it had never been designed to accept. || system
"""


def parse(block, label):
    rows = []
    for line in block.strip("\n").split("\n"):
        line = line.strip()
        if not line:
            continue
        sentence, note = line.rsplit(" || ", 1)
        rows.append((label, sentence.strip(), note.strip()))
    return rows


def main():
    rows = []
    rows += parse(BLAME_PERSON, "BLAME_PERSON")
    rows += parse(HUMAN_ERROR, "HUMAN_ERROR")
    rows += parse(JUDGMENT, "JUDGMENT")
    rows += parse(COUNTERFACTUAL, "COUNTERFACTUAL")
    rows += parse(OK_HARD, "OK")
    rows += parse(OK_PLAIN, "OK")
    random.Random(SEED).shuffle(rows)
    buf = io.StringIO()
    buf.write("label\tsentence\tnote\n")
    for label, sentence, note in rows:
        buf.write(f"{label}\t{sentence}\t{note}\n")
    with open(OUT, "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())
    print(f"wrote {len(rows)} rows to {OUT}")


if __name__ == "__main__":
    main()
