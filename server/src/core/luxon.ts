// Luxon, as the analysis uses it: every date it builds uses the fixed locale en-US. The analysis formats nothing by
// locale (it compares instants and reads numbers), and without a locale Luxon asks the system for its locale on
// the first date it builds, which loads the ICU locale data: about 22 ms of a one-file `postmortem lint` (see the
// cold-start benchmark). The analysis imports Luxon from here only, so this holds wherever a date is built.
import { Settings } from 'luxon';

Settings.defaultLocale = 'en-US';

export { DateTime, FixedOffsetZone, IANAZone, type Zone } from 'luxon';
