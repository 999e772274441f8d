export { IncrementalAnalyzer, type IncrementalResult } from './analyzer';
export { applyChange, changeApplies, changeBetween, type TextChange } from './edit';
export { withoutCaches } from './memo';
export { IncrementalParser, type ParseMode, type ParseOutcome } from './parse';
