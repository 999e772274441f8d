/**
 * Whether a word is written as an acronym: three to six capitals, perhaps a number after them ("HTTP2"), perhaps a
 * plural "s" ("APIs"). Mixed case ("IaSQL", "gRPC", "NVMe") is how names are written; two capitals are as often
 * initials, country or state codes as acronyms ("DK", "JS"); longer runs of capitals are shouted words or
 * identifiers ("RETURNDATA"). The same span as Vale's acronym checks in the Google and Microsoft styles.
 */
export function isAcronymShape(word: string): boolean {
  return /^[A-Z]{3,6}[0-9]{0,3}$/.test(acronymOf(word));
}

/** The acronym a word spells (its plural "s" dropped): "APIs" → "API". */
export function acronymOf(word: string): string {
  return word.length > 3 && word.endsWith('s') ? word.slice(0, -1) : word;
}
